/** Imports of figures from CSV, Excel or the API: checked, previewed as an upload, stored or reviewed by the quality assurance group. */
package org.canopy.data.imports;
