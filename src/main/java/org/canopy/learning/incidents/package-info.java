/** Serious incident notifications, their rapid reviews and statutory clocks, and the case pages (local reviews' too) and API. */
package org.canopy.learning.incidents;
