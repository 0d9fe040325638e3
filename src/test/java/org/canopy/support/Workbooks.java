package org.canopy.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** What a downloaded Excel workbook says, as a person opening it reads it: every sheet's cells, one row a line. */
public final class Workbooks {

    private Workbooks() {
    }

    public static String text(byte[] xlsx) {
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var text = new StringBuilder();
            for (var sheet : workbook.getSheets().toList()) {
                for (Row row : sheet.read()) {
                    text.append(row.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.joining("\t"))).append('\n');
                }
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
