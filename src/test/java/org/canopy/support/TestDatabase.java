package org.canopy.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Points each test application context at its own empty database: a private in-memory H2 database
 * by default, or a private schema in PostgreSQL when {@code canopy.test.database=postgres} (the
 * second Surefire execution). The PostgreSQL schema is dropped when the context closes.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String H2_OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** True when this run repeats the database tests on PostgreSQL. */
    public static boolean postgres() {
        return "postgres".equals(System.getProperty("canopy.test.database"));
    }

    public static String postgresUrl() {
        String url = System.getenv("CANOPY_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/test" : url;
    }

    public static String postgresUser() {
        String user = System.getenv("CANOPY_TEST_POSTGRES_USER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    public static String postgresPassword() {
        String password = System.getenv("CANOPY_TEST_POSTGRES_PASSWORD");
        return password == null ? "" : password;
    }

    /** Whether PostgreSQL answers, for skipping with a message when it does not. */
    public static boolean postgresReachable() {
        try (var connection = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword())) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "canopy_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> properties;
        if (postgres()) {
            String url = postgresUrl() + (postgresUrl().contains("?") ? "&" : "?") + "currentSchema=" + name;
            // Few connections each: the context cache keeps up to 32 contexts open in one JVM, and ten connections apiece
            // (HikariCP's default) would pass PostgreSQL's 100 once a tenth context is cached.
            properties = Map.of("spring.datasource.url", url, "spring.datasource.username", postgresUser(),
                    "spring.datasource.password", postgresPassword(), "spring.flyway.schemas", name,
                    "spring.flyway.create-schemas", "true", "spring.datasource.hikari.maximum-pool-size", "5",
                    "spring.datasource.hikari.minimum-idle", "1");
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    dropSchema(name);
                }
            });
        } else {
            properties = Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + ";" + H2_OPTIONS + ";DB_CLOSE_DELAY=-1",
                    "spring.datasource.username", "sa", "spring.datasource.password", "");
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("canopy-test-database", properties));
    }

    /** Drops a PostgreSQL schema a test made. */
    public static void dropSchema(String name) {
        try (var connection = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
                var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + name + " cascade");
        } catch (SQLException e) {
            // A schema left behind is harmless: every context makes its own.
        }
    }
}
