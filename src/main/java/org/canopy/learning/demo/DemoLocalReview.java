package org.canopy.learning.demo;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import org.canopy.learning.incidents.ReviewDecision;
import org.canopy.learning.reviews.LocalReviews;
import org.canopy.learning.reviews.ReviewMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the one case the annual report 2020-21 says is under a Local Learning Review, as the report
 * describes it. The report gives no pseudonym, dates or people, so none is invented: the dates stay empty
 * ("not recorded"). Its 3 rapid review panels are not added: the report names no case or date for them.
 */
@Component
class DemoLocalReview {

    static final String ACTOR = "demo";
    static final String PSEUDONYM = "Local Learning Review 2020-21";

    private final JdbcClient jdbc;
    private final LocalReviews localReviews;
    private final Clock clock;

    DemoLocalReview(JdbcClient jdbc, LocalReviews localReviews, Clock clock) {
        this.jdbc = jdbc;
        this.localReviews = localReviews;
        this.clock = clock;
    }

    /** The report's local review: its serious incident, rapid review and the review's stages as the report gives them. */
    void load(long partnershipId) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into serious_incident (partnership_id, pseudonym, summary, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(partnershipId, PSEUDONYM, "The annual report 2020-21 says 1 case is currently subject to a Local"
                        + " Learning Review under the new arrangements. It gives no dates.", ACTOR, LocalDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("insert into rapid_review (incident_id, decision, decision_reasons) values (?, ?, ?)")
                .params(id, ReviewDecision.LEARNING_REVIEW.name(), "As recorded in the annual report 2020-21; the reasons are not given there.")
                .update();
        localReviews.saveForDemo(id, EnumSet.of(ReviewMethod.PARTNER_AUTHORED_REPORT, ReviewMethod.PARTNER_LED_WORKSHOP,
                ReviewMethod.FAMILY_OR_CHILD_ENGAGEMENT, ReviewMethod.MULTI_AGENCY_AUDIT),
                "A senior Safeguarding Manager in the Clinical Commissioning Group", null, """
                        From the annual report 2020-21:
                        - A workshop was held with all frontline practitioners involved in the case, to review how the agencies had worked together.
                        - 1:1 interviews took place between the report author and all agencies involved.
                        - A social worker was appointed to become a link between the family and the review process; the author also met with the family to understand their experience.
                        - A multi-agency audit workshop chaired by the Independent Scrutineer took place to review cases of a similar nature.""");
    }
}
