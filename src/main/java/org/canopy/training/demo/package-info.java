/** Demo mode for the training module. */
package org.canopy.training.demo;
