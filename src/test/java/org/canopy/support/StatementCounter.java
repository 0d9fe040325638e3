package org.canopy.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Counts the SQL statements the application executes on the counting thread while {@link #count} runs: every
 * {@code execute}, {@code executeQuery}, {@code executeUpdate} and {@code executeBatch} on a statement made from a
 * connection of the application's {@link DataSource}, which this wraps (JDK proxies: no dependency). Only the thread
 * that counts is counted, so a listener or scheduler working on another thread meanwhile does not change the figure.
 * Import it into a test ({@code @Import(StatementCounter.class)}) and autowire it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter implements BeanPostProcessor {

    /** What one counted stretch executed, in order. */
    public record Counted(List<String> statements) {

        public int count() {
            return statements.size();
        }

        /** The statements one a line, for an assertion's message. */
        public String describe() {
            var text = new StringBuilder();
            for (int i = 0; i < statements.size(); i++) {
                text.append(i + 1).append(": ").append(statements.get(i).replaceAll("\\s+", " ").strip()).append('\n');
            }
            return text.toString();
        }
    }

    private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(dataSource, ClassUtils.getAllInterfacesForClass(bean.getClass()), (target, method, args) -> {
                Object result = invoke(target, method, args);
                return result instanceof Connection connection ? connection(connection) : result;
            });
        }
        return bean;
    }

    /** Runs {@code work} and the statements executed on this thread meanwhile. */
    public Counted count(Callable<?> work) throws Exception {
        if (recording.get() != null) {
            throw new IllegalStateException("Already counting on this thread");
        }
        var statements = new ArrayList<String>();
        recording.set(statements);
        try {
            work.call();
        } finally {
            recording.remove();
        }
        return new Counted(List.copyOf(statements));
    }

    private Connection connection(Connection connection) {
        return proxy(connection, new Class<?>[] {Connection.class}, (target, method, args) -> {
            Object result = invoke(target, method, args);
            String name = method.getName();
            if (result instanceof CallableStatement statement) {
                return statement(statement, CallableStatement.class, (String) args[0]);
            }
            if (result instanceof PreparedStatement statement) {
                return statement(statement, PreparedStatement.class, (String) args[0]);
            }
            if (result instanceof Statement statement && name.equals("createStatement")) {
                return statement(statement, Statement.class, null);
            }
            return result;
        });
    }

    private Statement statement(Statement statement, Class<? extends Statement> type, String prepared) {
        return proxy(statement, new Class<?>[] {type}, (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                var statements = recording.get();
                if (statements != null) {
                    String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : prepared;
                    statements.add(method.getName().contains("Batch") ? "(batch) " + sql : String.valueOf(sql));
                }
            }
            return invoke(target, method, args);
        });
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(T target, Class<?>[] interfaces, Handler<T> handler) {
        // unwrap and isWrapperFor go to the target: code unwrapping to the driver's own types (COPY on PostgreSQL) works on.
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), interfaces, invocation);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
