package io.caseops.portal;

import io.caseops.entitlement.NamedContacts;
import io.caseops.entitlement.NamedContacts.Contact;
import io.caseops.system.EngineInternals;
import io.caseops.system.LoginThrottle;
import io.caseops.system.LoginThrottle.Surface;
import io.caseops.system.web.RequestGuards;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The portal's sign-in and session, with Spring Security, for {@code /portal} only (the APIs and
 * the Camunda webapps keep their own logins; application.yaml turns off Spring Boot's filter for
 * every path). A named contact signs in with e-mail and password (the contact API's check, {@link
 * NamedContacts#authenticate}) through the same {@link LoginThrottle} as the API, so that switching
 * surfaces wins an attacker nothing. A session cookie (HttpOnly, SameSite=Lax; Secure behind TLS),
 * a new session id at sign-in, CSRF tokens on every form, and a Content-Security-Policy without
 * inline scripts.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class PortalSecurity {

  static final String PATH = RequestGuards.PORTAL;
  static final String SIGN_IN = PATH + "/sign-in";

  /** Where an invitation's link goes: for anyone holding it, signed in or not. */
  static final String INVITATION = PATH + "/invitation";

  static final String ROLE = "CONTACT";

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

  /**
   * The session attribute of a contact still on an initial password: every page but the password
   * change sends them there (PortalWeb).
   */
  static final String PASSWORD_CHANGE_REQUIRED = "io.caseops.portal.passwordChangeRequired";

  static final String PASSWORD_PAGE = PATH + "/me/password";

  /**
   * The session attribute with the stamp of the password the contact signed in with ({@link
   * NamedContacts#passwordStamp}): once the password changes elsewhere, or the contact is removed,
   * the session ends at its next page (PortalWeb.CurrentPassword).
   */
  static final String PASSWORD_STAMP = "io.caseops.portal.passwordStamp";

  @Bean
  SecurityFilterChain portalFilterChain(
      HttpSecurity http, ContactSignIn signIn, NamedContacts contacts, LocaleResolver locales)
      throws Exception {
    return http.securityMatcher(PATH, PATH + "/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        SIGN_IN, INVITATION + "/*", PATH + "/assets/**", PATH + "/error")
                    .permitAll()
                    .anyRequest()
                    .hasRole(ROLE))
        // A manager of its own, without the global one as parent: a refused password would
        // otherwise be tried (and counted, and hashed) a second time there.
        .authenticationManager(new ProviderManager(signIn))
        .formLogin(
            form ->
                form.loginPage(SIGN_IN)
                    .loginProcessingUrl(SIGN_IN)
                    .usernameParameter("email")
                    .passwordParameter("password")
                    .successHandler(
                        (request, response, authentication) ->
                            response.sendRedirect(
                                request.getContextPath()
                                    + signedIn(
                                        request,
                                        response,
                                        (SignedIn) authentication.getPrincipal(),
                                        contacts,
                                        locales)))
                    // Forwarded, so that the page keeps what was typed and says why.
                    .failureForwardUrl(SIGN_IN + "?failed"))
        .logout(logout -> logout.logoutUrl(PATH + "/sign-out").logoutSuccessUrl(SIGN_IN + "?out"))
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  /**
   * Where a contact goes once signed in: the pages in their own language, if they chose one; the
   * password change first while the password is the initial one; else their cases.
   */
  static String signedIn(
      HttpServletRequest request,
      HttpServletResponse response,
      SignedIn me,
      NamedContacts contacts,
      LocaleResolver locales) {
    Contact contact = contacts.find(me.email()).orElseThrow();
    request
        .getSession()
        .setAttribute(PASSWORD_STAMP, contacts.passwordStamp(me.email()).orElse(""));
    if (contact.language() != null) {
      locales.setLocale(request, response, Locale.forLanguageTag(contact.language()));
    }
    if (contact.passwordChangeRequired()) {
      request.getSession().setAttribute(PASSWORD_CHANGE_REQUIRED, Boolean.TRUE);
      return PASSWORD_PAGE;
    }
    return PATH + "/cases";
  }

  /** Spring Security's filter on the portal's paths only. */
  @Bean
  DelegatingFilterProxyRegistrationBean portalSecurityFilterRegistration() {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER);
    registration.addUrlPatterns(PATH, PATH + "/*");
    return registration;
  }

  /** The signed-in contact: the principal of a portal session. */
  record SignedIn(String email) {}

  /** E-mail and password against the named contacts, throttled as the contact API is. */
  @Component
  static class ContactSignIn implements AuthenticationProvider {

    private final NamedContacts contacts;
    private final LoginThrottle throttle;

    ContactSignIn(NamedContacts contacts, LoginThrottle throttle) {
      this.contacts = contacts;
      this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication given) {
      String email = String.valueOf(given.getName()).strip().toLowerCase(Locale.ROOT);
      String address =
          given.getDetails() instanceof WebAuthenticationDetails details
              ? details.getRemoteAddress()
              : "unknown";
      Optional<Instant> refused = throttle.refusedUntil(Surface.CONTACT, email, address);
      if (refused.isPresent()) {
        throw new LockedException(
            String.valueOf(
                Math.max(1, Duration.between(EngineInternals.now(), refused.get()).toSeconds())));
      }
      Optional<Contact> contact =
          contacts.authenticate(email, String.valueOf(given.getCredentials()));
      if (contact.isEmpty()) {
        throttle.failed(Surface.CONTACT, email, address);
        throw new BadCredentialsException("wrong e-mail or password");
      }
      throttle.succeeded(Surface.CONTACT, email);
      return UsernamePasswordAuthenticationToken.authenticated(
          new SignedIn(contact.get().email()),
          null,
          List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
  }
}
