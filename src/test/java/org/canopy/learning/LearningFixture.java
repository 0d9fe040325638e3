package org.canopy.learning;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test helpers on the demo partnership's learning records. */
final class LearningFixture {

    private LearningFixture() {
    }

    /** Puts the demo back: only the records the demo loaded, each as loaded. */
    static void restoreDemo(JdbcClient jdbc) {
        String added = "select id from learning_recommendation where created_by <> 'demo'";
        jdbc.sql("delete from learning_recommendation_theme where recommendation_id in (" + added + ")").update();
        jdbc.sql("delete from learning_recommendation_source where recommendation_id in (" + added + ") or source_kind <> 'SERIOUS_CASE_REVIEW'").update();
        jdbc.sql("delete from learning_recommendation where created_by <> 'demo'").update();
        jdbc.sql("delete from learning_briefing").update();
        jdbc.sql("delete from learning_audit where created_by <> 'demo'").update();
        jdbc.sql("update learning_audit set workshop_on = null, case_count = null, version = 0").update();
    }

    static long demoAudit(JdbcClient jdbc) {
        return jdbc.sql("select id from learning_audit where created_by = 'demo'").query(Long.class).single();
    }

    static long agency(JdbcClient jdbc, String name) {
        return jdbc.sql("select id from agency where name = ?").param(name).query(Long.class).single();
    }

    static long recommendation(JdbcClient jdbc, String textStart) {
        return jdbc.sql("select id from learning_recommendation where text like ?").param(textStart + "%").query(Long.class).single();
    }
}
