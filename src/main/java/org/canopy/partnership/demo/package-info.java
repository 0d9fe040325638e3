/** Demo mode: its setting, and the demo partnership with its agencies and accounts. */
package org.canopy.partnership.demo;
