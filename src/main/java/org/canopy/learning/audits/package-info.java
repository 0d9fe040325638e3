/** Single-agency audits and multi-agency audit workshops, with their follow-up learning sessions six months on. */
package org.canopy.learning.audits;
