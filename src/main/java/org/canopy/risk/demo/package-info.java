/** Demo mode for the risk module. */
package org.canopy.risk.demo;
