/** The register itself: risks, their scores and heat map, controls, actions, reviews and escalation above tolerance. */
package org.canopy.risk.register;
