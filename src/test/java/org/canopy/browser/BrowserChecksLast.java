package org.canopy.browser;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/** Keeps the test classes in their order but runs {@link PageTemplatesCheckedTest} after every browser journey. */
public class BrowserChecksLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // A stable sort: every other class keeps the place JUnit gave it.
        context.getClassDescriptors().sort(Comparator.comparingInt(
                c -> c.getTestClass() == PageTemplatesCheckedTest.class ? 1 : 0));
    }
}
