package io.caseops.entitlement;

import io.caseops.system.LoginThrottle;
import io.caseops.system.web.BasicCredentials;
import io.caseops.system.web.RequestFilters;
import io.caseops.system.web.RequestPaths;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The contact API ({@code /api}, except the public {@code /api/policy}) is for named contacts only:
 * HTTP Basic with the contact's e-mail and password, checked against its BCrypt hash ({@link
 * VerifiedLogins} spares the repeated check). A removed contact is refused at once. Staff logins
 * are not contacts and are refused too. The contact is a request attribute.
 */
@Configuration(proxyBeanMethods = false)
class ContactAuthentication {

  static final String CONTACT = NamedContacts.REQUEST_ATTRIBUTE;
  static final String PUBLIC_PREFIX = "/api/policy/";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> contactAuthenticationFilter(NamedContacts contacts) {
    return RequestFilters.register(
        "caseops-contact-authentication",
        Ordered.LOWEST_PRECEDENCE,
        (request, response, chain) -> {
          // The normalised path, as the servlet mapping sees it: "/api/policy/../cases" is not
          // public.
          if (RequestPaths.of(request).startsWith(PUBLIC_PREFIX)) {
            chain.doFilter(request, response);
            return;
          }
          Optional<NamedContacts.Contact> contact =
              BasicCredentials.of(request.getHeader("Authorization"))
                  .flatMap(given -> contacts.authenticate(given.user(), given.password()));
          if (contact.isEmpty()) {
            BasicCredentials.challenge(
                response,
                "CaseOps contacts",
                "Log in with your named-contact e-mail and password (HTTP Basic). Your account's"
                    + " delegated administrator gives you access.");
            return;
          }
          LoginThrottle.verified(request);
          request.setAttribute(CONTACT, contact.get());
          chain.doFilter(request, response);
        },
        "/api/*");
  }
}
