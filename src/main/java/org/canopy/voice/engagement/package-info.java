/** Engagement groups and the canvasser programme: which partner takes which questions to which group, and what was heard. */
package org.canopy.voice.engagement;
