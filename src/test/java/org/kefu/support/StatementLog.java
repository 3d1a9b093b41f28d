package org.kefu.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL the desk sends while a test asks it to, whatever sends it (Hibernate, JdbcClient, Flyway): the
 * data source of the test context is wrapped so every executed statement is noted with the thread that ran it.
 * Outside {@link #during} nothing is kept.
 */
public final class StatementLog implements BeanPostProcessor {

    /** One executed statement (each row of a JDBC batch counts once, as the database sees it). */
    public record Executed(String sql, String thread) {

        private static final java.util.regex.Pattern MAIN_TABLE =
                java.util.regex.Pattern.compile("\\b(?:from|into|update)\\s+([a-z_0-9]+)");

        /** Whether a thread of Tomcat's request pool ran it (named {@code http-nio-<port>-exec-<n>}, see RequestThreads). */
        public boolean onRequestThread() {
            return thread.contains("http-nio-") && thread.contains("-exec-");
        }

        /** Whether it is a query whose {@link #mainTable()} is {@code table}. */
        public boolean isSelectFrom(String table) {
            return sql.strip().toLowerCase(Locale.ROOT).startsWith("select") && mainTable().equals(table);
        }

        /** The table the statement is about: the first after from, into or update (a joined table is not it). */
        public String mainTable() {
            java.util.regex.Matcher m = MAIN_TABLE.matcher(sql.toLowerCase(Locale.ROOT));
            return m.find() ? m.group(1) : "";
        }
    }

    private static final List<Executed> executed = new ArrayList<>();
    private static volatile boolean recording;

    /** Runs the work and returns the statements executed meanwhile, on any thread. */
    public static synchronized List<Executed> during(Runnable work) {
        synchronized (executed) {
            executed.clear();
        }
        recording = true;
        try {
            work.run();
        } finally {
            recording = false;
        }
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }

    public static <T> T during(Supplier<T> work, List<Executed> into) {
        Object[] result = new Object[1];
        into.addAll(during(() -> result[0] = work.get()));
        @SuppressWarnings("unchecked")
        T t = (T) result[0];
        return t;
    }

    private static void note(String sql) {
        RequestStatements.record(sql);
        if (recording) {
            synchronized (executed) {
                executed.add(new Executed(sql, Thread.currentThread().toString()));
            }
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof Recording)) {
            return new Recording(dataSource);
        }
        return bean;
    }

    static final class Recording extends DelegatingDataSource {

        Recording(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }

        private static Connection connection(Connection target) {
            return proxy(Connection.class, target, (method, args) -> {
                Object result = method.invoke(target, args);
                String name = method.getName();
                if (result instanceof PreparedStatement prepared && args != null && args[0] instanceof String sql
                        && (name.equals("prepareStatement") || name.equals("prepareCall"))) {
                    return statement(prepared, sql);
                }
                if (result instanceof Statement plain && name.equals("createStatement")) {
                    return statement(plain, null);
                }
                return result;
            });
        }

        private static Statement statement(Statement target, String preparedSql) {
            Class<? extends Statement> type = target instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                    : target instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return proxy(type, target, (method, args) -> {
                String name = method.getName();
                if (name.equals("addBatch")) {
                    note(args != null && args.length == 1 && args[0] instanceof String sql ? sql : preparedSql);
                } else if (name.startsWith("execute") && !name.equals("executeBatch")) {
                    note(args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
                }
                return method.invoke(target, args);
            });
        }

        private interface Call {
            Object invoke(Method method, Object[] args) throws Throwable;
        }

        private static <T> T proxy(Class<T> type, Object target, Call call) {
            InvocationHandler handler = (p, method, args) -> {
                if (method.getName().equals("unwrap") && args[0] instanceof Class<?> c && c.isInstance(p)) {
                    return p;
                }
                try {
                    return call.invoke(method, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return type.cast(Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler));
        }
    }
}
