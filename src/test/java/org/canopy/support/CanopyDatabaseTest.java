package org.canopy.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * An integration test of the whole application on a fresh database holding the demo partnership.
 * Runs on embedded H2 and again on PostgreSQL (tag {@code database}). Versions move on after each test
 * ({@link VersionsMovedAfterEach}), since tests clean up with plain SQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"canopy.demo.enabled=true", "server.address=127.0.0.1"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
@ExtendWith({DatabaseAvailable.class, VersionsMovedAfterEach.class})
@Tag("database")
public @interface CanopyDatabaseTest {
}
