/** The published view without sign-in: which partnership a public request is about, and its figures with small counts suppressed. */
package org.canopy.data.publication;
