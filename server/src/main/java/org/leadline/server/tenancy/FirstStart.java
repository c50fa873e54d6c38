package org.leadline.server.tenancy;

import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.leadline.api.tenancy.Role;
import org.leadline.server.platform.Settings;
import org.leadline.server.platform.Startup;

/**
 * On the first start (no users at all) creates the platform administrator, a first tenant and its
 * administrator. Passwords come from configuration; those not configured are generated and
 * written to the log once.
 */
@ApplicationScoped
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @Inject
    Directory directory;

    @Inject
    Passwords passwords;

    @Resource
    ManagedExecutorService executor;

    @Transactional
    void onReady(@Observes Startup.Ready ready) {
        if (directory.anyUserExists()) {
            return;
        }
        String adminName = Settings.get(Settings.BOOTSTRAP_ADMIN_USERNAME).orElse("admin");
        String tenantName = Settings.get(Settings.BOOTSTRAP_TENANT_NAME).orElse("default");
        String ownerName = Settings.get(Settings.BOOTSTRAP_TENANT_ADMIN_USERNAME).orElse("owner");
        String adminPassword = password(Settings.BOOTSTRAP_ADMIN_PASSWORD, adminName);
        String ownerPassword = password(Settings.BOOTSTRAP_TENANT_ADMIN_PASSWORD, ownerName);
        // The two hashes (PBKDF2, 210,000 rounds each) and the password policy's first use (loading
        // its dictionaries) are most of a first start's own work: the administrator's hash runs on
        // another thread while this one checks both passwords and hashes the owner's.
        CompletableFuture<String> adminHash = CompletableFuture.supplyAsync(() -> passwords.hash(adminPassword),
                executor);
        String ownerHash;
        try {
            try {
                checkPolicy(Settings.BOOTSTRAP_ADMIN_PASSWORD, adminName);
                checkPolicy(Settings.BOOTSTRAP_TENANT_ADMIN_PASSWORD, ownerName);
            } finally {
                // No other password is checked before someone signs in: the idle server keeps no dictionary.
                PasswordBlocklist.release();
            }
            ownerHash = passwords.hash(ownerPassword);
        } catch (RuntimeException e) {
            adminHash.cancel(false);
            throw e;
        }

        directory.createUserWithHash(null, adminName, "Platform administrator", null, EnumSet.of(Role.PLATFORM_ADMIN),
                adminHash.join());
        Tenant tenant = directory.createTenant(Settings.slugOf(tenantName), tenantName);
        directory.createUserWithHash(tenant.id(), ownerName, "Tenant administrator", null,
                EnumSet.of(Role.TENANT_ADMIN, Role.SALES), ownerHash);
        LOG.info(() -> "First start: created platform administrator '" + adminName + "', tenant '" + tenant.slug()
                + "' and its administrator '" + ownerName + "'");
    }

    /** The configured password (checked by {@link #checkPolicy}), or a generated one written to the log once. */
    private static String password(String key, String username) {
        return Settings.get(key).orElseGet(() -> {
            String generated = Secrets.newPassword();
            LOG.warning(() -> "Generated password for '" + username + "': " + generated
                    + "  (shown only now; sign in and change it, or set " + key + " before the first start)");
            return generated;
        });
    }

    /** A configured password must pass the policy; a generated one does. */
    private static void checkPolicy(String key, String username) {
        Settings.get(key).ifPresent(configured -> Passwords.checkPolicy(key, configured, username));
    }
}
