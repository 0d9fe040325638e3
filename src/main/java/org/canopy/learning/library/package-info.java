/** The learning library found by theme and words, the seven-minute briefings, and the serious case review pages. */
package org.canopy.learning.library;
