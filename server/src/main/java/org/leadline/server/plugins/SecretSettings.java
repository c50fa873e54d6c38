package org.leadline.server.plugins;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;

import org.leadline.plugin.api.Setting;
import org.leadline.server.platform.Settings;
import org.leadline.server.platform.Startup;
import org.leadline.server.platform.crypto.SecretBox;

/**
 * Secret settings of extensions (a mailbox password, a webhook's token or signing secret) are stored
 * sealed ({@link SecretBox}) and opened only when a tenant's choices are read into memory for the
 * plugins. At start, after the plugins loaded, values stored in clear text by an earlier version and
 * values sealed with a key that is no longer the primary one (after a rotation) are sealed again.
 */
@ApplicationScoped
public class SecretSettings {

    private static final Logger LOG = Logger.getLogger(SecretSettings.class.getName());

    @PersistenceUnit(unitName = "leadline")
    EntityManagerFactory emf;

    @Inject
    Extensions extensions;

    /** This bean through its proxy: a call of {@link #sweep} on {@code this} would not begin its transaction. */
    @Inject
    SecretSettings self;

    private volatile SecretBox box;

    SecretBox box() {
        SecretBox b = box;
        if (b == null) {
            synchronized (this) {
                if (box == null) {
                    box = SecretBox.load(Settings.get(SecretBox.KEYSET), Settings.get(SecretBox.KEYSET_FILE)
                            .map(Path::of).orElseGet(() -> Settings.dataDir().resolve("secrets-keyset.json")));
                }
                b = box;
            }
        }
        return b;
    }

    /** The settings to store: secret values sealed (values already sealed are kept as they are). */
    JsonObject seal(String tenantId, String pluginId, String extensionId, List<Setting> declared, JsonObject values) {
        JsonObjectBuilder out = Json.createObjectBuilder(values);
        for (Setting s : declared) {
            JsonValue v = values.get(s.name());
            if (s.secret() && v != null && !SecretBox.isSealed(v)) {
                out.add(s.name(), box().seal(SecretBox.settingContext(tenantId, pluginId, extensionId, s.name()), v));
            }
        }
        return out.build();
    }

    /**
     * The settings as the plugin is given them: sealed values opened. A value that does not open
     * (its key is gone, or it was copied from elsewhere) is left out and logged.
     */
    JsonObject open(String tenantId, String pluginId, String extensionId, JsonObject stored) {
        JsonObjectBuilder out = null;
        for (Map.Entry<String, JsonValue> e : stored.entrySet()) {
            if (!SecretBox.isSealed(e.getValue())) {
                continue;
            }
            if (out == null) {
                out = Json.createObjectBuilder(stored);
            }
            try {
                out.add(e.getKey(), box().open(SecretBox.settingContext(tenantId, pluginId, extensionId, e.getKey()),
                        e.getValue()));
            } catch (GeneralSecurityException ex) {
                LOG.warning("The secret setting " + e.getKey() + " of " + pluginId + "/" + extensionId + " for tenant "
                        + tenantId + " cannot be opened with the configured keyset; the extension sees it unset");
                out.remove(e.getKey());
            }
        }
        return out == null ? stored : out.build();
    }

    /** After the plugins started: seals clear-text secrets and those of a former primary key. */
    void onReady(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) Startup.Ready ready) {
        try {
            box(); // the keyset is read (or created) at start, not at the first secret: a bad one shows at once
            int sealed = self.sweep(extensions.secretSettings());
            if (sealed > 0) {
                LOG.info("Sealed " + sealed + " stored extension settings with the current secrets key");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Stored secret settings could not be sealed; they are tried again at the next start", e);
        }
    }

    /** Seals what needs it in every tenant's rows of the given extensions ({@code plugin/extension} to secret names). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sweep(Map<String, Set<String>> secretsByExtension) {
        if (secretsByExtension.isEmpty()) {
            return 0;
        }
        EntityManager em = emf.createEntityManager();
        try {
            em.joinTransaction();
            Connection c = em.unwrap(Connection.class);
            List<String[]> changed = new ArrayList<>();
            // Deliberately across tenants: keeping every tenant's secrets sealed is the platform's job.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, tenant_id, plugin_id, extension_id, settings FROM tenant_extensions WHERE settings IS NOT NULL");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Set<String> secrets = secretsByExtension.get(rs.getString(3) + "/" + rs.getString(4));
                    if (secrets == null || secrets.isEmpty()) {
                        continue;
                    }
                    String resealed = reseal(rs.getString(2), rs.getString(3), rs.getString(4), secrets,
                            ExtensionSettings.parse(rs.getString(5)));
                    if (resealed != null) {
                        changed.add(new String[] {resealed, rs.getString(1)});
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE tenant_extensions SET settings = ? WHERE id = ?")) {
                for (String[] row : changed) {
                    ps.setString(1, row[0]);
                    ps.setString(2, row[1]);
                    ps.addBatch();
                }
                if (!changed.isEmpty()) {
                    ps.executeBatch();
                }
            }
            return changed.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading or sealing stored extension settings failed", e);
        } finally {
            em.close();
        }
    }

    /** The row's settings sealed anew, or null when nothing needed it. */
    private String reseal(String tenantId, String pluginId, String extensionId, Set<String> secrets, JsonObject stored) {
        JsonObjectBuilder out = Json.createObjectBuilder(stored);
        boolean any = false;
        for (String name : secrets) {
            JsonValue v = stored.get(name);
            if (v == null) {
                continue;
            }
            String context = SecretBox.settingContext(tenantId, pluginId, extensionId, name);
            if (!SecretBox.isSealed(v)) {
                out.add(name, box().seal(context, v));
                any = true;
            } else if (!box().sealedWithPrimary(v)) {
                try {
                    out.add(name, box().seal(context, box().open(context, v)));
                    any = true;
                } catch (GeneralSecurityException e) {
                    LOG.warning("The secret setting " + name + " of " + pluginId + "/" + extensionId + " for tenant "
                            + tenantId + " cannot be opened with the configured keyset; it is left as it is");
                }
            }
        }
        return any ? out.build().toString() : null;
    }
}
