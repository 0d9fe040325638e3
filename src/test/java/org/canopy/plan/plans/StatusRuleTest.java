package org.canopy.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.canopy.plan.Rag;
import org.canopy.plan.plans.PlanViews.ActionView;
import org.canopy.plan.plans.PlanViews.CurrentRound;
import org.canopy.plan.plans.PlanViews.Status;
import org.canopy.plan.plans.PlanViews.UpdateView;
import org.junit.jupiter.api.Test;

/** How much of a status is known, case by case as the pages state the rule. */
class StatusRuleTest {

    static final CurrentRound OPEN = new CurrentRound("2018-19-Q4", true);

    /** A priority's actions: each given status updated this round, each "earlier" status from a past round. */
    static Status status(List<Rag> thisRound, List<Rag> earlier, int withoutUpdate) {
        var actions = new ArrayList<ActionView>();
        thisRound.forEach(r -> actions.add(action(r, "2018-19-Q4", true)));
        earlier.forEach(r -> actions.add(action(r, "2018-19-Q3", false)));
        for (int i = 0; i < withoutUpdate; i++) {
            actions.add(new ActionView(actions.size(), 1, 1, actions.size() + 1, "An action", List.of(), null, false));
        }
        return Status.of(Rag.rollUp(actions.stream().map(ActionView::rag).toList()), OPEN, actions);
    }

    static ActionView action(Rag rag, String period, boolean thisRound) {
        var update = new UpdateView(1, 1, period, rag, "Narrative", null, null, "health", null, null, 0);
        return new ActionView(1, 1, 1, 1, "An action", List.of(), update, thisRound);
    }

    @Test
    void greenFromFewerThanHalfIsNotEnough() {
        var status = status(List.of(Rag.GREEN), List.of(), 3);
        assertThat(status.label()).isEqualTo("Not enough updates");
        assertThat(status.tagClass()).isEqualTo("govuk-tag--grey");
        assertThat(status.detail()).isEqualTo("Green: on track from the few reported: 1 of 4 actions updated this round (2018-19-Q4)");
    }

    @Test
    void greenFromHalfIsGreen() {
        var status = status(List.of(Rag.GREEN, Rag.GREEN), List.of(), 2);
        assertThat(status.label()).isEqualTo("Green: on track");
        assertThat(status.detail()).isEqualTo("2 of 4 actions updated this round (2018-19-Q4)");
    }

    @Test
    void redAndAmberAlwaysShow() {
        assertThat(status(List.of(Rag.RED), List.of(), 5).label()).isEqualTo("Red: off track");
        assertThat(status(List.of(Rag.AMBER), List.of(), 5).label()).isEqualTo("Amber: at risk");
    }

    @Test
    void aGreenUpdateFromAnEarlierRoundDoesNotCountButACompleteOneDoes() {
        assertThat(status(List.of(), List.of(Rag.GREEN, Rag.GREEN), 0).label()).isEqualTo("Not enough updates");
        var status = status(List.of(Rag.GREEN), List.of(Rag.COMPLETE), 0);
        assertThat(status.label()).isEqualTo("Green: on track");
        assertThat(status.detail()).isEqualTo("2 of 2 actions updated this round (2018-19-Q4) or already complete");
    }

    @Test
    void nothingKnownIsNoUpdate() {
        var status = status(List.of(), List.of(), 3);
        assertThat(status.label()).isEqualTo("No update");
        assertThat(status.detail()).isEqualTo("0 of 3 actions updated this round (2018-19-Q4)");
        assertThat(Status.of(null, null, List.of()).detail()).isEqualTo("No update round yet");
    }
}
