/** The learning hub, the deadlines page gathering every record's dates, and each person's secret calendar feed of them. */
package org.canopy.learning.deadlines;
