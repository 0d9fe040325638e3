package org.canopy.learning.reviews;

/** How a local review is carried out: the options the annual report 2020-21 lists; more than one is chosen. */
public enum ReviewMethod {
    SINGLE_AGENCY_AUDIT("Single agency audit and assurance"),
    MULTI_AGENCY_AUDIT("Multi agency audit"),
    PARTNER_LED_WORKSHOP("Partner led workshop"),
    INDEPENDENT_REVIEWER_WORKSHOP("Commissioned independent reviewer led workshop"),
    PARTNER_AUTHORED_REPORT("Partner authored report"),
    INDEPENDENT_REVIEWER_REPORT("Commissioned independent reviewer report"),
    INDEPENDENT_SCRUTINEER_REPORT("Independent scrutineer report"),
    STRATEGY_MANAGER_REPORT("Strategy manager report"),
    FAMILY_OR_CHILD_ENGAGEMENT("Family and/or child engagement"),
    YOUNG_PEOPLE_WORKSHOP("Children and young people workshop"),
    YOUNG_PEOPLE_OUTREACH("Children and young people outreach activities");

    private final String label;

    ReviewMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
