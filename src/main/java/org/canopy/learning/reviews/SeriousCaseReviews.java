package org.canopy.learning.reviews;

import java.util.List;
import org.canopy.learning.sources.Source;
import org.canopy.learning.sources.SourceKind;
import org.canopy.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Legacy serious case reviews, held before the move to child safeguarding practice reviews: each named by
 * its pseudonym, with a summary; its key themes are recommendations in the one action plan.
 */
@Service
public class SeriousCaseReviews {

    public record Review(long id, String pseudonym, String summary, String sourceNote) {

        /** The review as a source of recommendations and briefings. */
        public Source source() {
            return new Source(SourceKind.SERIOUS_CASE_REVIEW, id, pseudonym);
        }
    }

    private final JdbcClient jdbc;

    SeriousCaseReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Review> reviews(long partnershipId) {
        return jdbc.sql(SELECT + " where partnership_id = ? order by pseudonym").param(partnershipId).query(Review.class).list();
    }

    public Review review(long partnershipId, long id) {
        return jdbc.sql(SELECT + " where partnership_id = ? and id = ?").params(partnershipId, id).query(Review.class).optional()
                .orElseThrow(() -> new NotFound("The serious case review"));
    }

    /** Records a published legacy review (demo data; new reviews are local child safeguarding practice reviews). */
    public Review add(long partnershipId, String pseudonym, String summary, String sourceNote) {
        jdbc.sql("insert into learning_serious_case_review (partnership_id, pseudonym, summary, source_note) values (?, ?, ?, ?)")
                .params(partnershipId, pseudonym, summary, sourceNote).update();
        return jdbc.sql(SELECT + " where partnership_id = ? and pseudonym = ?").params(partnershipId, pseudonym)
                .query(Review.class).single();
    }

    private static final String SELECT = "select id, pseudonym, summary, source_note from learning_serious_case_review";
}
