package org.canopy.scrutiny.access;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.canopy.reporting.TableExport;
import org.canopy.web.NotFound;
import org.springframework.http.ContentDisposition;

/** Sends a scrutiny table as CSV or Excel, the one way every scrutiny page offers its download. */
public final class Downloads {

    private Downloads() {
    }

    /** Writes {@code table} as {@code format} ({@code csv} or {@code xlsx}) to the response as an attachment. */
    public static void send(TableExport.Table table, String format, HttpServletResponse response) throws IOException {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw new NotFound("The download");
        }
        boolean csv = format.equals("csv");
        response.setContentType(csv ? "text/csv; charset=UTF-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition",
                ContentDisposition.attachment().filename(table.title() + "." + format, StandardCharsets.UTF_8).build().toString());
        if (csv) {
            TableExport.csv(table, response.getOutputStream());
        } else {
            TableExport.xlsx(table, response.getOutputStream());
        }
    }
}
