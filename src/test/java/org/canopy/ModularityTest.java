package org.canopy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Verifies the module boundaries and writes the module documentation (target/spring-modulith-docs). */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(CanopyApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules).writeDocumentation();

        // The overview diagram (rendered to docs/modules.svg for the README) and one canvas per module.
        Path docs = Path.of("target", "spring-modulith-docs");
        Path overview = docs.resolve("components.puml");
        assertThat(overview).exists();
        String diagram = Files.readString(overview);
        for (ApplicationModule module : modules) {
            assertThat(diagram).as("the overview diagram names module %s", module.getIdentifier())
                    .contains(module.getDisplayName());
            assertThat(docs.resolve("module-" + module.getIdentifier() + ".puml")).exists();
            assertThat(docs.resolve("module-" + module.getIdentifier() + ".adoc")).exists();
        }
        assertThat(modules.stream().count()).isGreaterThanOrEqualTo(9);
    }
}
