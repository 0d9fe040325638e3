package org.canopy.data.observations;

/** One row of an import, as read from CSV, Excel or JSON, before validation; {@code row} counts the header as 1. */
public record ObservationRow(int row, String indicator, String period, String area, String value, String narrative) {
}
