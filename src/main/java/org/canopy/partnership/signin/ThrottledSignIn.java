package org.canopy.partnership.signin;

import org.canopy.partnership.accounts.UserAccounts;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password check (the sign-in form and HTTP Basic on the API) through {@link SignInThrottle}: refused while the
 * client's address or the name from that address must wait, counted when the password is wrong.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final UserAccounts users;

    ThrottledSignIn(AuthenticationProvider passwords, SignInThrottle throttle, UserAccounts users) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        var attempt = throttle.begin(request.getName(), address(request));
        Authentication result;
        try {
            result = passwords.authenticate(request);
        } catch (BadCredentialsException wrong) {
            throttle.failed(attempt);
            throw wrong;
        } catch (AuthenticationException notAllowed) {
            throttle.abandoned(attempt);
            throw notAllowed;
        }
        throttle.succeeded(attempt);
        users.recordSuccess(result.getName());
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /**
     * The client's address as the servlet container reports it: behind a proxy that is the proxy's, unless
     * {@code server.forward-headers-strategy} is set to trust its forwarded headers (README, production settings).
     */
    static String address(Authentication request) {
        return request.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
