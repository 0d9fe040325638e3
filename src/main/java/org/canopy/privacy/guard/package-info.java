/** The identifier guard: the patterns, check digits and date-of-birth cues that find identifiable data in free text. */
package org.canopy.privacy.guard;
