package org.canopy.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the PostgreSQL repetition of a database test, with a message saying so, when no PostgreSQL
 * answers, unless {@code CANOPY_REQUIRE_POSTGRES=1} (as .ci/run sets), when the tests run and fail.
 */
public class DatabaseAvailable implements ExecutionCondition {

    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.postgres()) {
            return ConditionEvaluationResult.enabled("embedded H2");
        }
        if ("1".equals(System.getenv("CANOPY_REQUIRE_POSTGRES"))) {
            return ConditionEvaluationResult.enabled("PostgreSQL required");
        }
        synchronized (DatabaseAvailable.class) {
            if (reachable == null) {
                reachable = TestDatabase.postgresReachable();
                if (!reachable) {
                    System.out.println("PostgreSQL is not reachable at " + TestDatabase.postgresUrl()
                            + " (user " + TestDatabase.postgresUser() + "): the PostgreSQL run of the database tests is skipped."
                            + " Set CANOPY_TEST_POSTGRES_URL to run them.");
                }
            }
        }
        return reachable ? ConditionEvaluationResult.enabled("PostgreSQL reachable")
                : ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + TestDatabase.postgresUrl()
                        + ": database tests skipped on PostgreSQL");
    }
}
