package org.canopy.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/**
 * What a browser sees when something goes wrong: a GOV.UK page saying what happened and what to do. Spring MVC's
 * own exceptions on a page (an unknown address, a bad parameter, an upload over the limit) become their status
 * here, before the problem-details advice answers them as JSON; {@code /api/**} keeps its problem details.
 */
@Component
class ErrorPages implements HandlerExceptionResolver, ErrorViewResolver, Ordered {

    private final DefaultHandlerExceptionResolver statuses = new DefaultHandlerExceptionResolver();

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        // sendError, then Boot's /error renders the page below, with the signed-in person's navigation.
        return statuses.resolveException(request, response, handler, ex);
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String view = switch (status.value()) {
            case 404 -> "error/404";
            // A form sent after its session ended has no CSRF token to match (SecurityConfiguration says which).
            case 403 -> request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof CsrfException
                    ? "error/session-ended" : "error/403";
            case 413 -> "error/413";
            default -> status.is4xxClientError() ? "error/400" : "error";
        };
        return new ModelAndView(view, model, status);
    }

    /** After Boot's error attributes (which only record the exception), before the exception handlers. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
