/** Escalations of figures: raised from an indicator page, decided by the executive, closed when dealt with. */
package org.canopy.data.escalations;
