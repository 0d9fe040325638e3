package org.canopy.data.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.canopy.web.InvalidInput;

/**
 * Refuses a workbook that would inflate beyond the limits before the Excel reader opens it: an .xlsx is a zip, and an
 * 820 KB one can hold a cell that inflates to 800 MB. Reads the zip as the reader does (commons-compress, by its
 * central directory), adds up what each entry says it holds, then inflates every entry into one small buffer,
 * counting, since what an entry says can be a lie; stops at the first byte past the limit.
 */
final class WorkbookSize {

    private static final int GRACE = 1024 * 1024;

    private WorkbookSize() {
    }

    /** The upload's bytes, once checked: no larger than the limit itself, and inflating within it. */
    static byte[] read(InputStream in, ImportLimits limits) {
        byte[] bytes;
        try {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxWorkbookBytes() + 1));
        } catch (IOException e) {
            throw new InvalidInput("file", "The file could not be read as an Excel workbook (.xlsx)");
        }
        if (bytes.length > limits.maxWorkbookBytes()) {
            throw tooLarge(limits);
        }
        check(bytes, limits);
        return bytes;
    }

    private static void check(byte[] bytes, ImportLimits limits) {
        long max = limits.maxWorkbookBytes();
        try (var zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            var entries = Collections.list(zip.getEntries());
            long declared = 0;
            for (ZipArchiveEntry entry : entries) {
                declared += Math.max(0, entry.getSize());
                if (declared > max) {
                    throw tooLarge(limits);
                }
            }
            long inflated = 0;
            var buffer = new byte[64 * 1024];
            for (ZipArchiveEntry entry : entries) {
                try (var content = zip.getInputStream(entry)) {
                    for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                        inflated += n;
                        if (inflated > max) {
                            throw tooLarge(limits);
                        }
                        // A zip bomb inflates hundreds of times over; a workbook of figures some tens at most.
                        if (inflated > GRACE && inflated > (long) limits.maxInflationRatio() * bytes.length) {
                            throw new InvalidInput("file", "The workbook inflates to more than " + limits.maxInflationRatio()
                                    + " times its own size when opened, as files made to overwhelm a server do: Canopy does not"
                                    + " read it. Save the figures again from your spreadsheet, or as CSV");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput("file", "The file could not be read as an Excel workbook (.xlsx)");
        }
    }

    private static InvalidInput tooLarge(ImportLimits limits) {
        return new InvalidInput("file", "The workbook holds more than " + limits.maxWorkbookMegabytes()
                + " MB of data once opened, the most Canopy reads: split it into smaller files, or save it as CSV");
    }
}
