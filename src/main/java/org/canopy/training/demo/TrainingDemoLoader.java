package org.canopy.training.demo;

import org.canopy.training.TrainingDemo;
import org.springframework.stereotype.Component;

/** Loads the training module's demo records: filled in by its features (issue 13). */
@Component
class TrainingDemoLoader implements TrainingDemo {

    @Override
    public void load(long partnershipId) {
    }
}
