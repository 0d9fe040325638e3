package org.canopy.partnership.signin;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the form post and sign-out. */
@Controller
class SignInController {

    static final String ERROR_ATTRIBUTE = "canopy.signInError";

    @GetMapping("/sign-in")
    String signIn(@RequestParam(name = "signed-out", required = false) String signedOut, HttpSession session,
            Model model) {
        model.addAttribute("signedOut", signedOut != null);
        Object error = session.getAttribute(ERROR_ATTRIBUTE);
        if (error != null) {
            session.removeAttribute(ERROR_ATTRIBUTE);
            model.addAttribute("signInError", error);
        }
        return "partnership/sign-in";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "partnership/accessibility";
    }
}
