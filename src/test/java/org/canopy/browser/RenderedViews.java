package org.canopy.browser;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Test only: names the view template of every page in a response header, so that {@link Browser#assertAccessible}
 * can record which templates axe-core has checked ({@link PageTemplatesCheckedTest} reads the record).
 */
@TestConfiguration(proxyBeanMethods = false)
class RenderedViews {

    static final String HEADER = "X-Canopy-Test-View";

    /** The templates of the pages axe-core checked in this JVM, across every browser journey. */
    static final Set<String> AXE_CHECKED = ConcurrentHashMap.newKeySet();

    /** The browser journey classes that started in this JVM. */
    static final Set<Class<?>> JOURNEYS_RUN = ConcurrentHashMap.newKeySet();

    @Bean
    WebMvcConfigurer viewNameHeader() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandlerInterceptor() {
                    // postHandle runs before the view renders, while headers can still be set; error pages too,
                    // since Boot's /error dispatch passes through the same interceptors.
                    @Override
                    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                            ModelAndView mv) {
                        String template = template(mv == null ? null : mv.getViewName());
                        if (template != null) {
                            response.setHeader(HEADER, template);
                        }
                    }
                });
            }
        };
    }

    /** The template a view name renders, or null for a redirect, a forward or no view. */
    static String template(String viewName) {
        if (viewName == null || viewName.startsWith("redirect:") || viewName.startsWith("forward:")) {
            return null;
        }
        int selector = viewName.indexOf("::");
        return (selector < 0 ? viewName : viewName.substring(0, selector)).strip();
    }
}
