package org.canopy.partnership.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.canopy.partnership.CanopyUser;
import org.canopy.partnership.accounts.UserAccounts;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session whose account has since been disabled (or removed), on its next request: the stored
 * account is read on every request, not the copy the session holds, so this holds on every node and with sessions kept
 * in the database. The person is then anonymous for the request, and a page sends them to sign in.
 */
final class DisabledAccountsSignedOut extends OncePerRequestFilter {

    private final UserAccounts users;

    DisabledAccountsSignedOut(UserAccounts users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CanopyUser user && !users.stillEnabled(user.id())) {
            SecurityContextHolder.clearContext();
            var session = req.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(req, res);
    }
}
