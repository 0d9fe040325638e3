package org.canopy.funding.demo;

import org.canopy.funding.FundingDemo;
import org.springframework.stereotype.Component;

/** Loads the funding module's demo records: filled in by its features (issue 13). */
@Component
class FundingDemoLoader implements FundingDemo {

    @Override
    public void load(long partnershipId) {
    }
}
