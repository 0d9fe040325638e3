package org.canopy.data.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.canopy.data.observations.DataViews.Area;
import org.canopy.data.observations.DataViews.Indicator;
import org.canopy.data.observations.DataViews.SeriesPoint;
import org.canopy.data.catalogue.AreaKind;
import org.canopy.data.catalogue.Frequency;
import org.canopy.data.catalogue.Polarity;
import org.canopy.data.catalogue.Unit;
import org.canopy.data.escalations.Escalations;
import org.canopy.data.imports.FigureUploads;
import org.canopy.data.imports.ObservationImport;
import org.canopy.data.observations.DataStore;
import org.canopy.data.observations.Spc;
import org.canopy.data.publication.PublicPartnership;
import org.canopy.data.publication.Publication;
import org.canopy.data.quality.DataQuality;
import org.canopy.data.rounds.DataRounds;
import org.canopy.partnership.AgencyDirectory;
import org.canopy.partnership.Role;
import org.canopy.partnership.signin.PageSlice;
import org.canopy.plan.PlanPriorities;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The data dashboard and the published view rendered by their controller and templates alone, services mocked. */
@WebMvcTest(DashboardController.class)
@Import(PageSlice.class)
class DashboardPageSliceTest {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    FigureUploads uploads;
    @MockitoBean
    DataQuality quality;
    @MockitoBean
    Dashboard dashboard;
    @MockitoBean
    Charts charts;
    @MockitoBean
    ObservationImport imports;
    @MockitoBean
    DataStore store;
    @MockitoBean
    AgencyDirectory agencies;
    @MockitoBean
    PlanPriorities priorities;
    @MockitoBean
    PublicPartnership publicPartnership;
    @MockitoBean
    DataRounds rounds;
    @MockitoBean
    Escalations escalations;
    @MockitoBean
    Benchmarks benchmarks;
    @MockitoBean
    Publication publication;

    static final Area BOROUGH = new Area(1, "Tower Hamlets", AreaKind.LOCAL_AUTHORITY, false);

    /** A rate above England's where lower is better: a tile the dashboard leads with. */
    static Dashboard.Tile childProtectionPlans() {
        var indicator = new Indicator(3, "CP-RATE", "Children on a child protection plan", "Rate per 10,000 children",
                Unit.RATE_PER_10000, Polarity.LOWER_IS_BETTER, Frequency.ANNUAL, null, null,
                "children aged 0 to 17", null, null, true, List.of(), List.of(), null, null, null, null, null);
        var point = new SeriesPoint("2020-21", LocalDate.of(2020, 4, 1), new BigDecimal("44.0"), "Up on last year",
                "Annual report 2020-21", null, new BigDecimal("41.4"), new BigDecimal("38.0"), null, null, null, null,
                null, Spc.Signal.NONE, null, null);
        return new Dashboard.Tile(indicator, BOROUGH, List.of(point));
    }

    @Test
    void theDashboardLeadsWithTheTileThatNeedsDiscussion() {
        when(dashboard.tiles(1)).thenReturn(List.of(childProtectionPlans()));

        var result = mvc.get().uri("/dashboard").with(user(PageSlice.person(Role.ADMINISTRATOR, null))).exchange();

        assertThat(result).hasStatusOk().hasViewName("data/dashboard");
        assertThat(result).bodyText()
                .contains("<title>Data dashboard – Canopy</title>")
                .contains("Children on a child protection plan")
                .contains("44")
                .contains("England")
                .contains(PageSlice.PARTNERSHIP);
        assertThat(result).model().extractingByKey("attention").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(1);
    }

    @Test
    void theDashboardWithoutFiguresStillRenders() {
        var result = mvc.get().uri("/dashboard").with(user(PageSlice.person(Role.VIEWER, null))).exchange();

        assertThat(result).hasStatusOk().hasViewName("data/dashboard");
        assertThat(result).bodyText().contains("<h1").doesNotContain("Children on a child protection plan");
    }
}
