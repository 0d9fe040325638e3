package org.canopy.partnership.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.canopy.partnership.ServicePages;
import org.canopy.partnership.accounts.ApiTokens;
import org.canopy.partnership.accounts.UserAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what. Pages use form sign-in with CSRF protection; {@code /api} is stateless and
 * takes HTTP Basic or an administrator-issued bearer token, answering 401 and 403 as problem details.
 * Finer checks (agency, lead group) are made by each module's services.
 */
@Configuration
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** No page needs a device or a payment: deny them to this site and anything it might embed. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), display-capture=()";

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating encoder: bcrypt today, and it can verify older hashes if the default moves on.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserAccounts users) {
        return username -> users.principal(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
            ApplicationEventPublisher events, SignInThrottle throttle, UserAccounts accounts) {
        var manager = new ProviderManager(new ThrottledSignIn(passwordCheck(users, encoder), throttle, accounts));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /**
     * The password check, answering an unknown name exactly as a known one with a wrong password: the provider hides
     * "no such user" as bad credentials and, for an unknown name, still checks the password against a hash made by the
     * same encoder at the same cost, so the time taken does not tell either. (Demo accounts, whose password is
     * published, are hashed at a lower cost.) The account's state is checked only after its password has matched, so
     * that "disabled" is told only to someone who knows the password, never to someone trying names.
     */
    static DaoAuthenticationProvider passwordCheck(UserDetailsService users, PasswordEncoder encoder) {
        var provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication // not for the create-admin command, which runs without a web server
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, ApiTokens tokens,
            JsonMapper json) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(authentication)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // no cookies: Basic or bearer credentials on every call
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) -> {
                    if (e instanceof SignInRefused refused) {
                        // Throttled like the sign-in page (signin.SignInThrottle): the client is told to wait.
                        problem(res, json, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins", refused.getMessage());
                    } else {
                        problem(res, json, HttpStatus.UNAUTHORIZED, "Sign-in required",
                                "Send HTTP Basic credentials or an API token as 'Authorization: Bearer <token>'.");
                    }
                }))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, json, HttpStatus.UNAUTHORIZED,
                                "Sign-in required",
                                "Send HTTP Basic credentials or an API token as 'Authorization: Bearer <token>'."))
                        .accessDeniedHandler((req, res, ex) -> problem(res, json, HttpStatus.FORBIDDEN,
                                "Not allowed", "Your role or agency does not allow this.")))
                .addFilterBefore(new BearerTokenFilter(tokens, json), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication, List<ServicePages> pages, UserAccounts users)
            throws Exception {
        http.authenticationManager(authentication)
                // A session's account is read afresh on every request: disabling it ends its sessions at once.
                .addFilterAfter(new DisabledAccountsSignedOut(users), SecurityContextHolderFilter.class)
                .csrf(c -> c.ignoringRequestMatchers(open(pages, ServicePages::anonymousForms)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/webjars/**", "/assets/**", "/favicon.ico",
                                "/sign-in", "/error", "/accessibility").permitAll()
                        // For load balancers: the status only (details for administrators, application.properties).
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/*", "/actuator/info")
                        .permitAll()
                        // What each module opens to everyone (the published view, a calendar feed whose secret
                        // address is its credential), declared by the module itself.
                        .requestMatchers(open(pages, ServicePages::openPaths)).permitAll()
                        .requestMatchers(HttpMethod.GET, open(pages, ServicePages::openForReading)).permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMINISTRATOR")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/sign-in").loginProcessingUrl("/sign-in")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((req, res, e) -> {
                            String message = e instanceof SignInRefused
                                    ? e.getMessage()
                                    : e instanceof DisabledException
                                            ? "This account has been disabled. Ask your partnership administrator."
                                            : "Enter a correct username and password.";
                            req.getSession().setAttribute(SignInController.ERROR_ATTRIBUTE, message);
                            res.sendRedirect(req.getContextPath() + "/sign-in?error");
                        }))
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                // The error page tells a form sent after the session ended (no CSRF token to match) from a refusal.
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, denied) -> {
                    req.setAttribute(WebAttributes.ACCESS_DENIED_403, denied);
                    res.sendError(HttpStatus.FORBIDDEN.value());
                }))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        // Evidence links lead to other sites: they are not told which Canopy page, or which record, sent them.
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
        return http.build();
    }

    /** The path patterns the modules open to everyone; a pattern nobody can ask for when none is declared. */
    private static String[] open(List<ServicePages> pages, java.util.function.Function<ServicePages, List<String>> paths) {
        var open = pages.stream().flatMap(p -> paths.apply(p).stream()).distinct().toArray(String[]::new);
        return open.length == 0 ? new String[] {"/.none"} : open;
    }

    static void problem(HttpServletResponse res, JsonMapper json, HttpStatus status, String title, String detail)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"Canopy\", Bearer");
        }
        json.writeValue(res.getOutputStream(), problem);
    }

    /** Accepts {@code Authorization: Bearer <token>} for an API token; a wrong token is a 401 at once. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final JsonMapper json;

        BearerTokenFilter(ApiTokens tokens, JsonMapper json) {
            this.tokens = tokens;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            String header = req.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                var user = tokens.authenticate(header.substring(7).trim());
                if (user.isEmpty()) {
                    problem(res, json, HttpStatus.UNAUTHORIZED, "Sign-in required",
                            "The API token is not recognised or has been revoked.");
                    return;
                }
                var auth = UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                        user.get().getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(auth);
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(req, res);
        }
    }
}
