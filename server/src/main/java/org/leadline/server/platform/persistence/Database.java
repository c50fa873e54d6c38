package org.leadline.server.platform.persistence;

import org.leadline.server.platform.Settings;

/**
 * Which database this server runs on. A server has one, named by its JDBC URL
 * ({@link Settings#dbUrl()}), from which its data source makes every connection, so the answer is
 * read once and holds for the life of the process.
 */
public final class Database {

    private Database() {
    }

    /** True on PostgreSQL; false on Derby, embedded or networked. */
    public static boolean postgresql() {
        return Url.POSTGRESQL;
    }

    private static final class Url {
        static final boolean POSTGRESQL = Settings.dbUrl().startsWith("jdbc:postgresql:");
    }
}
