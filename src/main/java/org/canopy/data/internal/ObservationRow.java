package org.canopy.data.internal;

/** One row of an import, as read from CSV, Excel or JSON, before validation; {@code row} counts the header as 1. */
record ObservationRow(int row, String indicator, String period, String area, String value, String narrative) {
}
