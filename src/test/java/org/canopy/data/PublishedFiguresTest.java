package org.canopy.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;
import org.canopy.support.CanopyDatabaseTest;
import org.canopy.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published view, for anyone without signing in: public indicators only, no narrative, counts of 1 to 5
 * shown as "c" (and nothing published from which such a count could be worked back).
 */
@CanopyDatabaseTest
class PublishedFiguresTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void removeImported() {
        Figures.removeImported(jdbc);
    }

    JsonNode publicSeries(String code) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/public/indicators/" + code + "/series"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    JsonNode series(String code) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/indicators/" + code + "/series").with(Requests.user("viewer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aSmallCountIsPublishedAsC() throws Exception {
        // The annual report: "During 2020-21, 3 Rapid Review Panels have been held". Signed in it is 3.
        assertThat(series("RAPID_REVIEWS").get(0).get("value").decimalValue()).isEqualByComparingTo("3");

        var published = publicSeries("RAPID_REVIEWS");

        assertThat(published).hasSize(1);
        assertThat(published.get(0).get("period").asString()).isEqualTo("2020-21");
        assertThat(published.get(0).get("value").isString()).isTrue();
        assertThat(published.get(0).get("value").asString()).isEqualTo("c");
        assertThat(published.get(0).has("narrative")).isFalse();
    }

    @Test
    void aLargerCountIsPublishedAsItIs() throws Exception {
        // "In March 2021 there were 2,944 children in need in Tower Hamlets".
        var published = publicSeries("CIN_COUNT");

        assertThat(published.get(0).get("value").decimalValue()).isEqualByComparingTo("2944");
    }

    @Test
    void meanAndLimitsOfASeriesWithASuppressedCountAreSuppressedToo() throws Exception {
        // With 2020-21's 3, twelve points, enough for limits. Mean: (8+9+7+10)*2 + 8+9+7 = 92, plus 3 = 95,
        // over 12 = 7.9167. Published, 12 * 7.9167 - 92 would give the 3 away.
        importElevenEarlierRapidReviewYears();
        assertThat(series("RAPID_REVIEWS").get(11).get("spc").get("mean").asDouble())
                .isCloseTo(95.0 / 12, org.assertj.core.api.Assertions.within(1e-9));

        var published = publicSeries("RAPID_REVIEWS");

        assertThat(published).hasSize(12);
        assertThat(published.get(0).get("value").decimalValue()).isEqualByComparingTo("8");
        assertThat(published.get(11).get("value").asString()).isEqualTo("c");
        for (JsonNode point : published) {
            for (String derived : new String[] {"mean", "lower", "upper"}) {
                assertThat(point.get("spc").get(derived).asString()).as(derived).isEqualTo("c");
            }
        }
        // A series without a suppressed count keeps its figures: CIN_COUNT has one point and so no limits.
        assertThat(publicSeries("CIN_COUNT").get(0).get("spc").get("mean").isNull()).isTrue();
    }

    @Test
    void signedInPagesSayTheSignalOfASeriesWithLimits() throws Exception {
        // 8,9,7,10,8,9,7,10,8,9,7 and 2020-21's 3: mean 95/12 = 7.92, moving ranges
        // 1,2,3,2,1,2,3,2,1,2,4 = 23, lower limit 7.92 - 2.66 * 23/11 = 2.35 < 3; no shift of 7 nor trend of 6.
        importElevenEarlierRapidReviewYears();

        for (String page : new String[] {"/dashboard", "/dashboard/indicators/RAPID_REVIEWS"}) {
            assertThat(mvc.perform(get(page).with(Requests.signedIn(users, "viewer"))).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString()).as(page).contains("No signal");
        }
    }

    @Test
    void nationalCountsArePublishedRoundedToTheNearestTen() throws Exception {
        Figures.importCsv(mvc, "coordinator", "CIN_COUNT,2020-21,England,389264,\n").andExpect(status().isCreated());
        assertThat(series("CIN_COUNT").get(0).get("benchmarks").get("england").decimalValue())
                .isEqualByComparingTo("389264");

        // 389264 to the nearest 10: 389260.
        assertThat(publicSeries("CIN_COUNT").get(0).get("benchmarks").get("england").decimalValue())
                .isEqualByComparingTo("389260");
    }

    @Test
    void aNonPublicIndicatorIsNotFound() throws Exception {
        // LOCAL_LEARNING_REVIEWS_OPEN has a figure (1) but is not published; DOMESTIC_ABUSE_CASES has none.
        for (String code : new String[] {"LOCAL_LEARNING_REVIEWS_OPEN", "DOMESTIC_ABUSE_CASES", "NO_SUCH_CODE"}) {
            mvc.perform(get("/api/v1/public/indicators/" + code + "/series")).andExpect(status().isNotFound())
                    .andExpect(header().string("Content-Type", "application/problem+json"));
        }
    }

    @Test
    void theSignedInApiNeedsCredentials() throws Exception {
        mvc.perform(get("/api/v1/indicators")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/indicators/RAPID_REVIEWS/series")).andExpect(status().isUnauthorized());
    }

    @Test
    void thePublicPageListsPublicIndicatorsOnlyWithSmallCountsSuppressed() throws Exception {
        String page = mvc.perform(get("/public/indicators")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("Children in need").contains("Rapid reviews held")
                .doesNotContain("Cases subject to a local learning review")
                .doesNotContain("Domestic abuse cases recorded by the police");
        var rapidReviews = Pattern.compile("Rapid reviews held</caption>.*?<td[^>]*>([^<]*)</td>", Pattern.DOTALL)
                .matcher(page);
        assertThat(rapidReviews.find()).isTrue();
        assertThat(rapidReviews.group(1).strip()).isEqualTo("c");
        var childrenInNeed = Pattern.compile("Children in need</caption>.*?<td[^>]*>([^<]*)</td>", Pattern.DOTALL)
                .matcher(page);
        assertThat(childrenInNeed.find()).isTrue();
        assertThat(childrenInNeed.group(1).strip()).isEqualTo("2,944");
    }

    /** RAPID_REVIEWS for 2009-10 to 2019-20: 8, 9, 7, 10, 8, 9, 7, 10, 8, 9, 7. */
    void importElevenEarlierRapidReviewYears() throws Exception {
        int[] earlier = {8, 9, 7, 10, 8, 9, 7, 10, 8, 9, 7};
        var rows = new StringBuilder();
        for (int i = 0; i < earlier.length; i++) {
            int year = 2009 + i;
            rows.append("RAPID_REVIEWS,").append(year).append('-').append(String.format("%02d", (year + 1) % 100))
                    .append(",Tower Hamlets,").append(earlier[i]).append(",\n");
        }
        Figures.importCsv(mvc, "coordinator", rows.toString()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.stored").value(11));
    }
}
