package org.canopy.plan.setting;

/** The kinds of evidence a priority-setting round considers: the annual report 2020-21's list of the process. */
public enum EvidenceKind {
    SENIOR_WORKSHOP("A partnership wide workshop with senior management from organisations across the borough"),
    PRACTITIONER_WORKSHOP("A practitioner and frontline worker workshop from organisations across the borough"),
    CHILDREN_FEEDBACK("Feedback from children and young people"),
    SINGLE_AGENCY_AUDITS("Single agency audits that took place over the year"),
    DATA_DASHBOARD("The multi-agency data dashboard"),
    REVIEWS("Rapid reviews and statutory reviews that took place"),
    SCRUTINY_REPORT("The independent scrutiny report on findings across the year"),
    OTHER_PARTNERSHIPS("The priorities of other partnerships");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    /** The kind as people read it. */
    public String label() {
        return label;
    }
}
