package org.leadline.server.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's configuration keys and their defaults, in one place so that the configuration
 * reference in {@code docs/configuration.md} has a single source to follow.
 *
 * <p>Values come from MicroProfile Config: system properties, environment variables
 * ({@code LEADLINE_DATA_DIR} for {@code leadline.data.dir}) and {@code leadline.properties}.
 */
public final class Settings {

    public static final String DATA_DIR = "leadline.data.dir";
    public static final String DB_URL = "leadline.db.url";
    public static final String DB_USER = "leadline.db.user";
    public static final String DB_PASSWORD = "leadline.db.password";
    public static final String DB_POOL_MAX = "leadline.db.pool.max";
    public static final String DB_LOCK_TIMEOUT = "leadline.db.lock-timeout";
    public static final String PLUGINS_DIR = "leadline.plugins.dir";
    public static final String SESSION_TTL = "leadline.auth.session-ttl";
    public static final String AUTH_CACHE_TTL = "leadline.auth.cache-ttl";
    public static final String AUTH_CACHE_SIZE = "leadline.auth.cache-size";
    public static final String API_TOKEN_MAX_TTL = "leadline.auth.api-token.max-ttl";
    public static final String LOGIN_MAX_FAILURES = "leadline.auth.login.max-failures";
    public static final String LOGIN_LOCKOUT = "leadline.auth.login.lockout";
    public static final String DEFAULT_TENANT = "leadline.auth.default-tenant";
    public static final String MAX_BODY_BYTES = "leadline.api.max-body-bytes";
    /** The bearer token a metrics scraper sends to read /metrics; platform administrators' tokens work too. */
    public static final String METRICS_TOKEN = "leadline.metrics.token";
    public static final String PAGE_SIZE_DEFAULT = "leadline.api.page-size.default";
    public static final String PAGE_SIZE_MAX = "leadline.api.page-size.max";
    public static final String SEARCH_DRIVING_LIMIT = "leadline.search.driving-limit";
    public static final String SEARCH_INDEX_DRIVING_LIMIT = "leadline.search.index-driving-limit";
    public static final String EXTENSION_CHOICES_TTL = "leadline.plugins.choices-ttl";
    public static final String IDEMPOTENCY_TTL = "leadline.api.idempotency-key.ttl";
    public static final String BOOTSTRAP_ADMIN_USERNAME = "leadline.bootstrap.admin.username";
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "leadline.bootstrap.admin.password";
    public static final String BOOTSTRAP_TENANT_NAME = "leadline.bootstrap.tenant.name";
    public static final String BOOTSTRAP_TENANT_ADMIN_USERNAME = "leadline.bootstrap.tenant-admin.username";
    public static final String BOOTSTRAP_TENANT_ADMIN_PASSWORD = "leadline.bootstrap.tenant-admin.password";

    private Settings() {
    }

    public static Config config() {
        return ConfigProvider.getConfig(Settings.class.getClassLoader());
    }

    public static Path dataDir() {
        return Path.of(config().getOptionalValue(DATA_DIR, String.class).orElse("data")).toAbsolutePath().normalize();
    }

    /** The JDBC URL; without one, an embedded Derby database in the data directory. */
    public static String dbUrl() {
        return config().getOptionalValue(DB_URL, String.class)
                .filter(s -> !s.isBlank())
                .orElseGet(() -> "jdbc:derby:" + dataDir().resolve("derby") + ";create=true");
    }

    public static Optional<String> dbUser() {
        return config().getOptionalValue(DB_USER, String.class).filter(s -> !s.isBlank());
    }

    public static Optional<String> dbPassword() {
        return config().getOptionalValue(DB_PASSWORD, String.class);
    }

    public static Path pluginsDir() {
        return Path.of(config().getOptionalValue(PLUGINS_DIR, String.class).orElse("plugins")).toAbsolutePath().normalize();
    }

    /**
     * The longest a statement waits for a row another transaction holds; then the request gets a 503
     * problem with {@code Retry-After} instead of waiting on (PostgreSQL waits for ever by default,
     * Derby a minute).
     */
    public static Duration dbLockTimeout() {
        Duration d = duration(DB_LOCK_TIMEOUT, Duration.ofSeconds(15));
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(DB_LOCK_TIMEOUT + " must be a duration between PT1S and PT1H, not " + d);
        }
        return d;
    }

    public static Duration sessionTtl() {
        return duration(SESSION_TTL, Duration.ofHours(12));
    }

    /**
     * How long a node keeps a signed-in caller it has checked against the database; PT0S checks
     * every request. Revoking, disabling and role changes reach every node's copy at commit (see
     * {@code CallerCache}); this bounds a copy's age on top of that.
     */
    public static Duration authCacheTtl() {
        Duration d = duration(AUTH_CACHE_TTL, Duration.ofSeconds(60));
        if (d.isNegative() || d.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(AUTH_CACHE_TTL + " must be a duration between PT0S and PT1H, not " + d);
        }
        return d;
    }

    /** How many signed-in callers a node keeps at most. */
    public static int authCacheSize() {
        return Math.max(0, config().getOptionalValue(AUTH_CACHE_SIZE, Integer.class).orElse(10_000));
    }

    public static Duration apiTokenMaxTtl() {
        return duration(API_TOKEN_MAX_TTL, Duration.ofDays(366));
    }

    public static Duration idempotencyTtl() {
        return duration(IDEMPOTENCY_TTL, Duration.ofHours(24));
    }

    /** Failed sign-ins in a row after which an account is locked for a while. */
    public static int loginMaxFailures() {
        return config().getOptionalValue(LOGIN_MAX_FAILURES, Integer.class).orElse(5);
    }

    /** How long the first lock lasts; each further lock in a row lasts twice as long, up to 32 times. */
    public static Duration loginLockout() {
        return duration(LOGIN_LOCKOUT, Duration.ofMinutes(1));
    }

    /**
     * The slug of the tenant whose users sign in without naming a tenant: configured, or the tenant
     * the first start created.
     */
    public static String defaultTenant() {
        return get(DEFAULT_TENANT).map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .orElseGet(() -> slugOf(get(BOOTSTRAP_TENANT_NAME).orElse("default")));
    }

    /** The slug the first start gives a tenant of this name. */
    public static String slugOf(String name) {
        String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "default" : slug;
    }

    public static int maxBodyBytes() {
        return config().getOptionalValue(MAX_BODY_BYTES, Integer.class).orElse(256 * 1024);
    }

    /**
     * Up to how many matching leads a search word is read through the search index where the page
     * needs each of its leads read (the update-time order, a status, owner or source filter); a
     * word with more is checked lead by lead along the list's order.
     */
    public static int searchDrivingLimit() {
        return Math.max(0, config().getOptionalValue(SEARCH_DRIVING_LIMIT, Integer.class).orElse(4_000));
    }

    /**
     * Up to how many matching leads a search word is read through the search index where the page
     * is cut from the index rows alone (they carry the creation, name and company keys): a row per
     * match, no lead read. Walking the order instead costs a lead per row walked, and where the
     * word's leads gather at the far end of the order (a common last name, sorted by last name) that
     * is every lead of the tenant: at a million leads 6.5 s for one page.
     */
    public static int searchIndexDrivingLimit() {
        return Math.max(0, config().getOptionalValue(SEARCH_INDEX_DRIVING_LIMIT, Integer.class).orElse(50_000));
    }

    /**
     * How long a node keeps a tenant's extension choices before reading them again: the bound on how
     * long another node takes to see a change an administrator made on this one (ISO-8601, PT5S).
     */
    public static Duration extensionChoicesTtl() {
        return duration(EXTENSION_CHOICES_TTL, Duration.ofSeconds(5));
    }

    public static int pageSizeDefault() {
        return config().getOptionalValue(PAGE_SIZE_DEFAULT, Integer.class).orElse(50);
    }

    public static int pageSizeMax() {
        return config().getOptionalValue(PAGE_SIZE_MAX, Integer.class).orElse(200);
    }

    public static Optional<String> get(String key) {
        return config().getOptionalValue(key, String.class).filter(s -> !s.isBlank());
    }

    private static Duration duration(String key, Duration fallback) {
        return config().getOptionalValue(key, String.class).map(Duration::parse).orElse(fallback);
    }
}
