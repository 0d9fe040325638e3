/** The reviews and audits that recommendations and briefings come from: each named by its kind, id and title. */
package org.canopy.learning.sources;
