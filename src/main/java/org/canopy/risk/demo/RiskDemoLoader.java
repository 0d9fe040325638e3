package org.canopy.risk.demo;

import org.canopy.risk.RiskDemo;
import org.springframework.stereotype.Component;

/** Loads the risk module's demo records: filled in by its features (issue 13). */
@Component
class RiskDemoLoader implements RiskDemo {

    @Override
    public void load(long partnershipId) {
    }
}
