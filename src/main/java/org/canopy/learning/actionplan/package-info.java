/** The one action plan: every recommendation from every review and audit in one register, its pages, exports and API. */
package org.canopy.learning.actionplan;
