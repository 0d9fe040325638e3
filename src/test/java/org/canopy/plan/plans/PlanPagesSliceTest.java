package org.canopy.plan.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.canopy.partnership.People;
import org.canopy.partnership.Role;
import org.canopy.partnership.signin.PageSlice;
import org.canopy.plan.crosscutting.CrossCuttingTags;
import org.canopy.plan.plans.PlanViews.ActionView;
import org.canopy.plan.plans.PlanViews.CurrentRound;
import org.canopy.plan.plans.PlanViews.PlanView;
import org.canopy.plan.plans.PlanViews.PriorityView;
import org.canopy.plan.plans.PlanViews.SectionView;
import org.canopy.plan.updates.ActionUpdaters;
import org.canopy.plan.updates.ActionUpdates;
import org.canopy.plan.updates.UpdateRounds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The plan's pages rendered by their controller and templates alone, services mocked: no database, no demo. */
@WebMvcTest(PlanPagesController.class)
@Import(PageSlice.class)
class PlanPagesSliceTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PlanStore plans;
    @MockitoBean
    ActionUpdates updates;
    @MockitoBean
    UpdateRounds rounds;
    @MockitoBean
    ActionUpdaters updaters;
    @MockitoBean
    CrossCuttingTags tags;
    @MockitoBean
    People people;
    @MockitoBean
    org.canopy.governance.Groups groups;
    @MockitoBean
    org.canopy.plan.setting.PrioritySetting setting;
    @MockitoBean
    org.canopy.plan.setting.GoldenThread thread;

    static final CurrentRound ROUND = new CurrentRound("2018-19-Q4", true);

    static PlanView plan() {
        var action = new ActionView(31, 21, 1, 1, "Embed the early help offer", List.of(), null, false);
        var priority = new PriorityView(21, 1, 1, "Early help", "We will help early", List.of(), List.of(action), ROUND);
        var section = new SectionView(11, 1, "Best start in life", "focus", "scope", "vision", List.of(), List.of(),
                List.of(), List.of(), List.of(priority), ROUND);
        return new PlanView(5, "Children and Families Plan 2016-19", LocalDate.of(2016, 4, 1), LocalDate.of(2019, 3, 31),
                "introduction", List.of(), List.of("A great place to live"), List.of(), List.of("Early help strategy"),
                List.of(), ROUND, List.of(section));
    }

    @Test
    void thePlanPageShowsItsSectionsPrioritiesAndStatuses() {
        when(plans.plan(1, 5)).thenReturn(Optional.of(plan()));
        when(rounds.openRound(5)).thenReturn(Optional.empty());

        var result = mvc.get().uri("/plans/5").with(user(PageSlice.person(Role.VIEWER, null))).exchange();

        assertThat(result).hasStatusOk().hasViewName("plan/plan");
        assertThat(result).bodyText()
                .contains("<title>Children and Families Plan 2016-19 – Canopy</title>")
                .contains("1 April 2016 to 31 March 2019")
                .contains("Section 1: Best start in life")
                .contains("1. Early help")
                .contains("Not stated")
                .contains("A great place to live")
                .contains(PageSlice.PARTNERSHIP)
                .contains("Sam Sliced")
                .doesNotContain("update round is open");
    }

    @Test
    void anUnknownPlanIsNotFound() {
        when(plans.plan(1, 6)).thenReturn(Optional.empty());

        assertThat(mvc.get().uri("/plans/6").with(user(PageSlice.person(Role.VIEWER, null)))).hasStatus(404);
    }
}
