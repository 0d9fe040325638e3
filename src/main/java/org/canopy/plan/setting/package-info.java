/**
 * Setting priorities from evidence (issue 12): priority-setting rounds with the evidence considered, the candidate
 * priorities and the Executive's decision, which makes the chosen candidates priorities of a plan; and each priority's
 * golden thread, gathered from every module's {@link org.canopy.plan.PriorityThread}.
 */
package org.canopy.plan.setting;
