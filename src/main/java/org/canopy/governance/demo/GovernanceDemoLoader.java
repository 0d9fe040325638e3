package org.canopy.governance.demo;

import java.util.List;
import org.canopy.governance.GovernanceDemo;
import org.springframework.stereotype.Component;

/** Demo mode: loads every part of the governance demo, in order. */
@Component
class GovernanceDemoLoader implements GovernanceDemo {

    private final List<DemoPart> parts;

    GovernanceDemoLoader(List<DemoPart> parts) {
        this.parts = parts; // Spring sorts the list by each part's @Order
    }

    @Override
    public void load(long partnershipId) {
        parts.forEach(part -> part.load(partnershipId));
    }
}
