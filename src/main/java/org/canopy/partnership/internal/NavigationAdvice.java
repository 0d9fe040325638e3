package org.canopy.partnership.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.canopy.partnership.CanopyUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in person, their partnership's name and the service navigation on every page. */
@ControllerAdvice(annotations = Controller.class)
class NavigationAdvice {

    /** One link in the service navigation. */
    record NavigationLink(String label, String href, boolean active) {
    }

    private final Partnerships partnerships;
    private final boolean demoMode;

    NavigationAdvice(Partnerships partnerships, DemoSettings demo) {
        this.partnerships = partnerships;
        this.demoMode = demo.enabled();
    }

    @ModelAttribute("currentUser")
    CanopyUser currentUser(@AuthenticationPrincipal CanopyUser user) {
        return user;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demoMode;
    }

    @ModelAttribute("partnershipName")
    String partnershipName(@AuthenticationPrincipal CanopyUser user, HttpServletRequest request) {
        // @RestController is a @Controller too; the API has no page to name.
        if (user == null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        return partnerships.name(user.partnershipId());
    }

    @ModelAttribute("navigation")
    List<NavigationLink> navigation(@AuthenticationPrincipal CanopyUser user, HttpServletRequest request) {
        if (user == null) {
            return List.of();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var links = new ArrayList<NavigationLink>();
        links.add(link("Plans", "/plans", path, "/plans", "/actions"));
        links.add(link("My updates", "/my-updates", path, "/my-updates"));
        links.add(link("Data", "/dashboard", path, "/dashboard", "/data"));
        links.add(link("Learning", "/learning", path, "/learning"));
        links.add(link("Groups", "/groups", path, "/groups"));
        if (user.isAdministrator()) {
            links.add(link("Administration", "/admin", path, "/admin"));
        }
        return links;
    }

    private static NavigationLink link(String label, String href, String path, String... prefixes) {
        boolean active = false;
        for (String prefix : prefixes) {
            active |= path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return new NavigationLink(label, href, active);
    }
}
