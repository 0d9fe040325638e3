package org.canopy.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.canopy.web.StorableText;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge for form fields and query parameters: a NUL character or a lone surrogate in any of them is refused with a
 * 400 (problem details naming the parameter on the API, the GOV.UK "could not read that request" page elsewhere), before
 * any controller sees it. JSON bodies are checked as Jackson reads them ({@link StorableTextModule}); files by their
 * readers. Runs after Spring Security, so a request refused here has been authenticated (or refused) first.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class StorableTextFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    StorableTextFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            // A body that cannot be parsed (an upload over the size limit) is answered where it was before: Tomcat keeps
            // the failure, and Spring MVC's multipart resolution meets it again and says so as a 413.
            chain.doFilter(request, response);
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String problem = StorableText.problem(parameter.getKey());
            for (int i = 0; problem == null && i < parameter.getValue().length; i++) {
                problem = StorableText.problem(parameter.getValue()[i]);
            }
            if (problem != null) {
                refuse(request, response, StorableText.problem(parameter.getKey()) == null ? parameter.getKey() : "parameter", problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String field, String problem) throws IOException {
        String message = "\"" + field + "\" " + problem;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            var detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
            detail.setTitle("Invalid input");
            detail.setProperty("errors", java.util.List.of(Map.of("field", field, "message", message)));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), detail);
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value(), message);
        }
    }
}
