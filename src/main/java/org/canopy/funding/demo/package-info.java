/** Demo mode for the funding module. */
package org.canopy.funding.demo;
