package org.canopy.web.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.canopy.web.InvalidInput;
import org.canopy.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A missing record on a page is a plain GOV.UK "page not found"; input refused outside a form, a 400 page. */
@ControllerAdvice(annotations = Controller.class)
class PageProblems {

    /**
     * Input refused outside a form (a public page that cannot tell which partnership it is for, say): a 400 GOV.UK page
     * saying what is missing, not a 500. Refusals inside a form are shown on the form by {@code FormSubmission}.
     */
    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(InvalidInput e) {
        var page = new ModelAndView("error/400", Map.of("problems", e.problems()));
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    /** Sent as the status, so that ErrorPages renders it like an unknown address: with the navigation. */
    @ExceptionHandler(NotFound.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.NOT_FOUND.value());
    }
}
