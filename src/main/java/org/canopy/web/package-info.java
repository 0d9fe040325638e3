/**
 * Shared page furniture and error handling: the GOV.UK-styled layout, date formats for pages, and the
 * exceptions every module raises for invalid input, edit conflicts and missing records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.canopy.web;
