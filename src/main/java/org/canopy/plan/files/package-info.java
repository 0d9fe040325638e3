/** Plan files (format canopy-plan/1): reading and validating them, and the demo plan loaded from its file. */
package org.canopy.plan.files;
