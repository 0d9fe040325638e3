package org.canopy.plan.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.canopy.web.FieldProblem;
import org.canopy.web.InvalidInput;
import org.junit.jupiter.api.Test;

/** Plan files: the demo file reads; broken files are refused with every problem named by its path. */
class PlanFileReaderTest {

    final PlanFileReader reader = new PlanFileReader();

    static final String MINIMAL = """
            format: canopy-plan/1
            title: A plan
            start: 2022-04-01
            end: 2025-03-31
            crossCuttingPriorities:
              - title: Early help
            groups:
              - name: Team A
                type: TEAM
            sections:
              - number: 1
                title: One
                vision: A vision
                priorities:
                  - number: 1
                    title: First
                    leadGroups: [Team A]
                    actions:
                      - text: Do a thing
                        crossCutting: [Early help]
            """;

    @Test
    void readsTheDemoPlanFile() {
        var plan = reader.read(DemoPlan.seedPlanFile());
        assertThat(plan.sections()).hasSize(4);
        assertThat(plan.sections().stream().mapToInt(s -> s.priorities().size()).sum()).isEqualTo(18);
        assertThat(plan.sections().stream().flatMap(s -> s.priorities().stream()).mapToInt(p -> p.actions().size()).sum())
                .isEqualTo(84);
    }

    @Test
    void readsYamlAndJson() {
        assertThat(reader.read(MINIMAL).title()).isEqualTo("A plan");
        String json = """
                {"format":"canopy-plan/1","title":"J","start":"2022-04-01","end":"2023-03-31",
                 "sections":[{"number":1,"title":"S","vision":"V","priorities":[{"number":1,"title":"P","actions":[{"text":"A"}]}]}]}""";
        assertThat(reader.read(json).sections().get(0).priorities().get(0).actions().get(0).text()).isEqualTo("A");
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        String broken = MINIMAL.replace("format: canopy-plan/1", "format: something-else")
                .replace("end: 2025-03-31", "end: 2020-01-01")
                .replace("leadGroups: [Team A]", "leadGroups: [Team B]")
                .replace("crossCutting: [Early help]", "crossCutting: [Late help]")
                .replace("title: First", "title: \"\"");
        assertThatThrownBy(() -> reader.read(broken)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("format", "end",
                        "sections[0].priorities[0].leadGroups[0]", "sections[0].priorities[0].actions[0].crossCutting[0]",
                        "sections[0].priorities[0].title"));
    }

    @Test
    void refusesWhatIsNotAPlan() {
        assertThatThrownBy(() -> reader.read("just: [unclosed")).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("The file is not valid YAML or JSON");
        assertThatThrownBy(() -> reader.read("- a list")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("must hold a plan");
        assertThatThrownBy(() -> reader.read(MINIMAL.replace("    priorities:\n", "    nothing:\n")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().get(0).field())
                        .isEqualTo("sections[0].priorities"));
        assertThatThrownBy(() -> reader.read(MINIMAL.replace("number: 1\n    title: One", "number: 0\n    title: One")))
                .isInstanceOf(InvalidInput.class);
    }
}
