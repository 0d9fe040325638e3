package org.canopy.learning.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.canopy.learning.LearningDemo;
import org.canopy.learning.actionplan.ActionPlan;
import org.canopy.learning.audits.Audits;
import org.canopy.learning.reviews.SeriousCaseReviews;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Demo mode: the annual report's two legacy serious case reviews ("Ollie" and "Kamrul"), each key theme a
 * completed recommendation with the response the report says was implemented, and its multi-agency audit
 * workshop with no date or count, as the report gives none. Nothing is invented.
 */
@Component
class DemoLearning implements LearningDemo {

    static final String RESOURCE = "demo/learning.yaml";
    static final String ACTOR = "demo";

    record DemoFile(List<DemoReview> seriousCaseReviews, List<DemoAudit> multiAgencyAudits) {
    }

    record DemoReview(String pseudonym, String summary, String source, List<DemoRecommendation> recommendations) {
    }

    record DemoRecommendation(String text, List<String> themes, String owner, String response) {
    }

    record DemoAudit(String title, String theme, String findings) {
    }

    private final SeriousCaseReviews reviews;
    private final ActionPlan plan;
    private final Audits audits;
    private final DemoLocalReview localReview;

    DemoLearning(SeriousCaseReviews reviews, ActionPlan plan, Audits audits, DemoLocalReview localReview) {
        this.localReview = localReview;
        this.reviews = reviews;
        this.plan = plan;
        this.audits = audits;
    }

    @Override
    public void load(long p) {
        localReview.load(p);
        var file = read();
        for (var r : file.seriousCaseReviews()) {
            var review = reviews.add(p, r.pseudonym(), r.summary(), r.source());
            for (var rec : r.recommendations()) {
                plan.addCompleted(p, ACTOR, review.source(), rec.text(), rec.themes(), rec.owner(), rec.response());
            }
        }
        for (var a : file.multiAgencyAudits()) {
            audits.addDemo(p, ACTOR, a.title(), a.theme(), a.findings());
        }
    }

    static DemoFile read() {
        try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
            return YAMLMapper.builder().build().readValue(in, DemoFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo learning file " + RESOURCE + " is missing", e);
        }
    }
}
