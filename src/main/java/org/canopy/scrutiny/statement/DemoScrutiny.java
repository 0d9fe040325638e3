package org.canopy.scrutiny.statement;

import java.util.List;
import org.canopy.scrutiny.ScrutinyDemo;
import org.canopy.scrutiny.plan.ActivityKind;
import org.canopy.scrutiny.plan.ScrutinyPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The annual report's independent scrutiny as the report words it: the scrutineer's 2020-21 reflections, the peer
 * reviews to be explored over the next year (no date: the report gives none), and the young scrutineers to be
 * recruited (words, not people: none had been recruited).
 */
@Component
class DemoScrutiny implements ScrutinyDemo {

    static final String OPENING = "The partnership is in a stronger position now than at the start of the year, despite the Covid 19 "
            + "pandemic, but has some way to go before it could be described as consistently good.";
    static final List<String> POSITIVES = List.of(
            "Priority setting: priorities for the partnership were established by an open and involving process, across the wide partnership;",
            "The data set is well designed and has full partner buy-in, with the Quality Assurance and Performance group offering a good link "
                    + "between outcomes' measurement and the Executive Group. A good start has been made on multi and single agency audits;",
            "There is a start to good joint working with the Safeguarding Adults Board on cross cutting and shared issues;",
            "Rapid Reviews are well organised, timely and outcomes-focused;",
            "Local Learning Reviews are now sharply defined and economically resourced;",
            "Children and young people have a \"voice\" now throughout the system;",
            "There is a better link between policy making and the dissemination of those policies to the wider partnership, with a definite "
                    + "\"evidence based\" approach to analysing progress towards the three key priorities;",
            "The Covid 19 pandemic planning has been helped by regular and effective meetings between the partners.");
    static final List<String> WORK_NEEDED = List.of(
            "The training program needs to be firmly linked to training needs and informed by priorities;",
            "An equality of funding between the partners needs to be reached;",
            "Although there has been good progress, there is still a need to include and involve the wider partnership in decision making "
                    + "and policy formation.");

    private final Statements statements;
    private final ScrutinyPlan plan;
    private final JdbcClient jdbc;

    DemoScrutiny(Statements statements, ScrutinyPlan plan, JdbcClient jdbc) {
        this.statements = statements;
        this.plan = plan;
        this.jdbc = jdbc;
    }

    @Override
    public void load(long partnershipId) {
        statements.addAsStated(partnershipId, "demo", "2020-21",
                "Keith Makin, appointed as the Tower Hamlets Safeguarding Children Independent Scrutineer in 2018", OPENING, POSITIVES,
                WORK_NEEDED);
        plan.addDemo(partnershipId, "demo", "2021-22", ActivityKind.PEER_REVIEW,
                "Over the next year the THSCP intends to explore additional scrutiny options including peer reviews.");
        jdbc.sql("insert into scrutiny_note (partnership_id, topic, text) values (?, 'YOUNG_SCRUTINEERS', ?)").params(partnershipId,
                "In March 2020 a grant was secured via a bid process from the Department of Education to enable THSCP to recruit three "
                        + "young scrutineers, to work alongside each priority. The young scrutineers will be between the ages of 14-18. "
                        + "The young scrutineers will be mentored by the Independent Scrutineer and will advise the Executive group.")
                .update();
    }
}
