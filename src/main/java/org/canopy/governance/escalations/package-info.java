/**
 * Escalations to the executive from any group: raised with a subject and a reason, decided by the executive with the
 * actions it asks for, closed with an outcome; brought to the executive's agenda and, once decided, to the raising
 * group's; the executive's overview of what awaits it.
 */
package org.canopy.governance.escalations;
