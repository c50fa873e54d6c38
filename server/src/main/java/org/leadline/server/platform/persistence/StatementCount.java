package org.leadline.server.platform.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.logging.Logger;

import org.leadline.server.platform.Settings;

/**
 * Counts the SQL statements sent to the database on the current thread, so the statement budget
 * of each request can be checked from outside ({@value #HEADER} response header).
 *
 * <p>Off unless {@value #SETTING} is true: then every connection the data source opens is wrapped
 * so that each execution (a batch counts once: it is one round trip) adds one to the counter of
 * the thread that runs it. A request's work runs on the request's thread; work handed to other
 * threads (asynchronous observers, jobs) is not the request's and is not counted for it.
 */
public final class StatementCount {

    public static final String SETTING = "leadline.diagnostics.statement-count";
    public static final String HEADER = "Leadline-Statements";

    private static final String MODE = Settings.get(SETTING).map(String::strip).orElse("false");
    private static final boolean ENABLED = "true".equalsIgnoreCase(MODE) || "log".equalsIgnoreCase(MODE);
    /** {@code log}: also log each statement's SQL, to see what a request's statements are. */
    private static final boolean LOG = "log".equalsIgnoreCase(MODE);
    private static final Logger LOGGER = Logger.getLogger(StatementCount.class.getName());
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    private StatementCount() {
    }

    public static boolean enabled() {
        return ENABLED;
    }

    /** Starts counting afresh for the unit of work that begins on this thread. */
    public static void reset() {
        if (ENABLED) {
            COUNT.get()[0] = 0;
        }
    }

    /** The statements executed on this thread since the last {@link #reset()}. */
    public static int current() {
        return ENABLED ? COUNT.get()[0] : -1;
    }

    static Connection counting(Connection connection) {
        if (!ENABLED) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(StatementCount.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Forwarding(connection, null));
    }

    private static final class Forwarding implements InvocationHandler {
        private final Object target;
        /** Null for the connection; for a statement, the SQL it was prepared with, if any. */
        private final String sql;
        private final boolean connection;

        Forwarding(Object target, String sql) {
            this.target = target;
            this.sql = sql;
            this.connection = target instanceof Connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (!connection && name.startsWith("execute")) {
                int n = ++COUNT.get()[0];
                if (LOG) {
                    String text = sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "(batch)";
                    LOGGER.info(() -> "statement " + n + " (" + Thread.currentThread().getName() + "): " + name + " "
                            + text);
                }
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (connection && result instanceof Statement statement) {
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(StatementCount.class.getClassLoader(), new Class<?>[] {type},
                        new Forwarding(statement, args != null && args.length > 0 && args[0] instanceof String q ? q : null));
            }
            return result;
        }
    }
}
