/**
 * The tell us page: a child or young person tells the partnership something without an account (page and API), kept
 * without identifying detail and read only by the coordinator, who adds it to the feedback log or closes it.
 */
package org.canopy.voice.tell;
