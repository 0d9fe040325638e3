package org.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Flyway's locations come from the module folders, not a hand-kept list: every migration under
 * {@code db/migration/<module>} is found and runs, and every folder there is named after a module.
 */
class MigrationLocationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void everyModulesMigrationsAreFoundAndRun() throws IOException {
        String locations = applicationProperties().getProperty("spring.flyway.locations");
        List<String> files;
        try (Stream<Path> all = Files.walk(MIGRATIONS)) {
            files = all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".sql"))
                    .sorted().toList();
        }

        var flyway = Flyway.configure().locations(locations.split(","))
                .dataSource("jdbc:h2:mem:locations;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")
                .load();
        var result = flyway.migrate();

        assertThat(files).hasSizeGreaterThanOrEqualTo(12);
        assertThat(result.migrationsExecuted).isEqualTo(files.size());
        assertThat(Stream.of(flyway.info().applied()).map(MigrationInfo::getScript)
                .map(script -> script.substring(script.lastIndexOf('/') + 1)).sorted()).containsExactlyElementsOf(files);
    }

    @Test
    void everyMigrationFolderIsAModulesAndHoldsNoLooseFile() throws IOException {
        var modules = ApplicationModules.of(CanopyApplication.class).stream()
                .map(module -> module.getBasePackage().getName().substring("org.canopy.".length())).toList();
        try (Stream<Path> entries = Files.list(MIGRATIONS)) {
            assertThat(entries.toList()).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry).isDirectory();
                assertThat(modules).contains(entry.getFileName().toString());
            });
        }
    }

    private static Properties applicationProperties() throws IOException {
        var properties = new Properties();
        try (InputStream in = MigrationLocationsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
