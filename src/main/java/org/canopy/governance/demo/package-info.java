/** The governance module's demo: each feature's part of the seeds' governance, loaded in order. */
package org.canopy.governance.demo;
