package io.caseops.system;

import io.caseops.system.LoginThrottle.Surface;
import io.caseops.system.web.BasicCredentials;
import io.caseops.system.web.RequestFilters;
import io.caseops.system.web.RequestPaths;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every login surface goes through {@link LoginThrottle} before its authentication filter checks a
 * password: the contact API, the staff API, the engine REST API and the webapps' login form. A
 * refused attempt answers 429 with {@code Retry-After}; the outcome of an allowed one is counted
 * afterwards: a 401 is a failure, a password the authentication filter marked verified ({@link
 * LoginThrottle#VERIFIED}) a success, anything else neither. The engine's own lock is off
 * (application.yaml), so that nobody can lock a staff account for good.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottling {

  static final String POLICY_PATH = "/api/policy/";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter(
      LoginThrottle throttle,
      @Value("${camunda.bpm.jersey.application-path:/engine-rest}") String restPath,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    String webappLogin = webapps + "/api/admin/auth/user/default/login/";
    return RequestFilters.register(
        "caseops-login-throttle",
        // After the character encoding filter, before every authentication filter.
        Ordered.HIGHEST_PRECEDENCE + 100,
        (request, response, chain) -> {
          String path = RequestPaths.of(request);
          if (path.startsWith(POLICY_PATH)) {
            chain.doFilter(request, response);
            return;
          }
          Surface surface = path.startsWith("/api/") ? Surface.CONTACT : Surface.STAFF;
          String account =
              path.startsWith(webappLogin)
                  ? request.getParameter("username")
                  : BasicCredentials.of(request.getHeader("Authorization"))
                      .map(BasicCredentials::user)
                      .orElse(null);
          if (account == null) {
            chain.doFilter(request, response); // no password to check: nothing to count
            return;
          }
          String address = request.getRemoteAddr();
          Optional<Instant> refused = throttle.refusedUntil(surface, account, address);
          if (refused.isPresent()) {
            tooManyFailures(response, refused.get());
            return;
          }
          chain.doFilter(request, response);
          if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(surface, account, address);
          } else if (request.getAttribute(LoginThrottle.VERIFIED) != null
              // The webapps' login resource answers 2xx only once the password checked out.
              || (path.startsWith(webappLogin) && response.getStatus() / 100 == 2)) {
            throttle.succeeded(surface, account);
          }
        },
        "/api/*",
        StaffApiAuthentication.PATH + "/*",
        StaffApiAuthentication.ACTUATOR + "/*",
        restPath + "/*",
        webappLogin + "*");
  }

  static void tooManyFailures(HttpServletResponse response, Instant retryAt) throws IOException {
    long seconds = Math.max(1, Duration.between(EngineInternals.now(), retryAt).toSeconds() + 1);
    response.setHeader("Retry-After", Long.toString(seconds));
    RequestFilters.refuse(
        response,
        429,
        "Too many failed logins",
        "Too many failed logins for this account or from this address: try again after "
            + retryAt
            + " (in "
            + seconds
            + " s).",
        null,
        null,
        Map.of("retryAt", retryAt.toString()));
  }
}
