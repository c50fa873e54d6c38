package org.leadline.server.tenancy;

import java.util.EnumSet;
import java.util.logging.Logger;

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

    @Transactional
    void onReady(@Observes Startup.Ready ready) {
        if (directory.anyUserExists()) {
            return;
        }
        String adminName = Settings.get(Settings.BOOTSTRAP_ADMIN_USERNAME).orElse("admin");
        String adminPassword = password(Settings.BOOTSTRAP_ADMIN_PASSWORD, adminName);
        directory.createUser(null, adminName, "Platform administrator", null, EnumSet.of(Role.PLATFORM_ADMIN),
                adminPassword);

        String tenantName = Settings.get(Settings.BOOTSTRAP_TENANT_NAME).orElse("default");
        Tenant tenant = directory.createTenant(Settings.slugOf(tenantName), tenantName);
        String ownerName = Settings.get(Settings.BOOTSTRAP_TENANT_ADMIN_USERNAME).orElse("owner");
        String ownerPassword = password(Settings.BOOTSTRAP_TENANT_ADMIN_PASSWORD, ownerName);
        directory.createUser(tenant.id(), ownerName, "Tenant administrator", null,
                EnumSet.of(Role.TENANT_ADMIN, Role.SALES), ownerPassword);
        LOG.info(() -> "First start: created platform administrator '" + adminName + "', tenant '" + tenant.slug()
                + "' and its administrator '" + ownerName + "'");
    }

    private static String password(String key, String username) {
        return Settings.get(key).map(configured -> {
            Passwords.checkPolicy(key, configured, username);
            return configured;
        }).orElseGet(() -> {
            String generated = Secrets.newPassword();
            LOG.warning(() -> "Generated password for '" + username + "': " + generated
                    + "  (shown only now; sign in and change it, or set " + key + " before the first start)");
            return generated;
        });
    }
}
