/** The scrutineer's yearly statement (the annual report's reflections) and the scrutiny demo. */
package org.canopy.scrutiny.statement;
