package org.canopy.data.imports;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a file of figures may hold ({@code canopy.data.imports.*}), checked at start-up, so that no upload (CSV, Excel,
 * JSON) runs the server out of memory: its rows (1,000,000: the import benchmark's file, under Excel's own 1,048,576);
 * a cell's characters (10,000: a narrative keeps 4,000); what a workbook may inflate to when opened (64 MB in all, and
 * at most 100 times its own size, read from the zip before any cell is); and the problems a refusal lists (100, with
 * the count of the rest), so a file of 300,000 faulty rows answers with a summary, not a page of megabytes.
 */
@Validated
@ConfigurationProperties("canopy.data.imports")
public record ImportLimits(
        @DefaultValue("1000000") @Min(1) @Max(10_000_000) int maxRows,
        @DefaultValue("10000") @Min(4000) @Max(1_000_000) int maxCellCharacters,
        @DefaultValue("64") @Min(1) @Max(1024) int maxWorkbookMegabytes,
        @DefaultValue("100") @Min(2) @Max(10_000) int maxInflationRatio,
        @DefaultValue("100") @Min(1) @Max(10_000) int listedProblems) {

    long maxWorkbookBytes() {
        return maxWorkbookMegabytes * 1024L * 1024L;
    }
}
