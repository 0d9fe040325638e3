package org.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.canopy.support.DatabaseAvailable;
import org.canopy.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A production start has no demo data or accounts; its first administrator comes from the command line. */
@Tag("database")
@ExtendWith(DatabaseAvailable.class)
class ProductionStartTest {

    static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(CanopyApplication.class).profiles("postgres")
                .web(WebApplicationType.NONE).initializers(new TestDatabase()).run(args);
    }

    @Test
    void aProductionStartHasNoDemoPartnershipOrAccounts() {
        try (var app = start()) {
            var jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from partnership").query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from canopy_user").query(Integer.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from plan").query(Integer.class).single()).isZero();
            assertThat(app.getEnvironment().getProperty("server.address")).isEqualTo("0.0.0.0");
            // With no demo to load, readiness comes with the start-up alone.
            assertThat(app.getBean(ApplicationAvailability.class).getReadinessState())
                    .isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    @Test
    void createAdminMakesTheFirstAdministratorFromTheCommandLine() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("plum harbour silent engine\n".getBytes(StandardCharsets.UTF_8)));
            var app = start("create-admin", "--partnership=Example Safeguarding Children Partnership",
                    "--area=Example Borough", "--username=admin", "--name=Partnership coordinator");
            var jdbc = app.getBean(JdbcClient.class);
            var hash = jdbc.sql("select password_hash from canopy_user where username = 'admin' and role = 'ADMINISTRATOR'")
                    .query(String.class).single();
            assertThat(app.getBean(PasswordEncoder.class).matches("plum harbour silent engine", hash)).isTrue();
            assertThat(jdbc.sql("select name from partnership").query(String.class).single())
                    .isEqualTo("Example Safeguarding Children Partnership");
            assertThat(SpringApplication.exit(app)).isZero();

            // Too short, and long enough but common: neither creates anyone.
            for (String refusedPassword : new String[] {"short", "Password123!"}) {
                System.setIn(new ByteArrayInputStream((refusedPassword + "\n").getBytes(StandardCharsets.UTF_8)));
                var refused = start("create-admin", "--partnership=Example", "--area=Example", "--username=admin2",
                        "--name=Someone");
                assertThat(refused.getBean(JdbcClient.class).sql("select count(*) from canopy_user").query(Integer.class)
                        .single()).as(refusedPassword).isZero();
                assertThat(SpringApplication.exit(refused)).isEqualTo(2);
            }
        } finally {
            System.setIn(stdin);
        }
    }
}
