package org.canopy.funding.demo;

import org.canopy.funding.FundingDemo;
import org.canopy.funding.budget.DemoBudget;
import org.springframework.stereotype.Component;

/** Loads the funding module's demo records: the annual report's 2020-21 funding table. */
@Component
class FundingDemoLoader implements FundingDemo {

    private final DemoBudget budget;

    FundingDemoLoader(DemoBudget budget) {
        this.budget = budget;
    }

    @Override
    public void load(long partnershipId) {
        budget.load(partnershipId);
    }
}
