/** The scrutiny plan for a year: activities framed by the scrutiny functions, with what was found. */
package org.canopy.scrutiny.plan;
