/** Demo mode's learning records: the legacy serious case reviews, audits and local learning review of the annual report. */
package org.canopy.learning.demo;
