package org.canopy.partnership.signin;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password was checked, because its address or its name there must wait. */
class SignInRefused extends AuthenticationException {

    SignInRefused(String message) {
        super(message);
    }
}
