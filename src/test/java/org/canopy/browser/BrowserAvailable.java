package org.canopy.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips browser tests, saying so, where Debian's Chromium is missing, unless CANOPY_REQUIRE_BROWSER=1. */
class BrowserAvailable implements ExecutionCondition {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) || "1".equals(System.getenv("CANOPY_REQUIRE_BROWSER"))) {
            return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
        }
        System.out.println("Chromium is not installed at " + CHROMIUM + ": browser tests are skipped"
                + " (apt-get install chromium to run them).");
        return ConditionEvaluationResult.disabled("No Chromium at " + CHROMIUM + ": browser tests skipped");
    }
}
