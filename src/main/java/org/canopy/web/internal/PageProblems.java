package org.canopy.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.canopy.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A missing record on a page is a plain GOV.UK "page not found". */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    /** Sent as the status, so that ErrorPages renders it like an unknown address: with the navigation. */
    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
