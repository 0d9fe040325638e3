/** Demo mode for the voice module. */
package org.canopy.voice.demo;
