package org.canopy.partnership.signin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.ServicePages;
import org.canopy.partnership.accounts.Partnerships;
import org.canopy.partnership.demo.DemoSettings;
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
    private final List<ServicePages> pages;

    NavigationAdvice(Partnerships partnerships, DemoSettings demo, List<ServicePages> pages) {
        this.partnerships = partnerships;
        this.demoMode = demo.enabled();
        // Each module contributes its own entry; they stand in their declared order.
        this.pages = pages.stream().filter(p -> p.label() != null)
                .sorted(java.util.Comparator.comparingInt(ServicePages::order)).toList();
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
        for (var page : pages) {
            if (!page.administratorsOnly() || user.isAdministrator()) {
                links.add(link(page.label(), page.href(), path, page.activeFor().toArray(String[]::new)));
            }
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
