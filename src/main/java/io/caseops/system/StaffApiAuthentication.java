package io.caseops.system;

import io.caseops.system.web.BasicCredentials;
import io.caseops.system.web.RequestFilters;
import io.caseops.system.web.RequestPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CaseOps' own staff endpoints ({@code /staff/api}, and actuator's metrics and info) take the same
 * logins as Tasklist and Cockpit: HTTP Basic against Camunda's users, or, for reading only (GET and
 * HEAD), the session of a user logged in to the Camunda webapps, which is how the Cockpit plugin
 * calls them. Only reads: a session cookie rides along with any cross-site form, and the staff
 * API's writes carry no CSRF token. The authenticated {@link StaffUser} is a request attribute;
 * controllers check its groups.
 */
@Configuration(proxyBeanMethods = false)
public class StaffApiAuthentication {

  public static final String PATH = "/staff/api";

  /**
   * Actuator: health is public (load balancers, orchestrators); metrics and info need a member of
   * the monitoring group or an administrator, so that the customer-facing port does not hand them
   * to anyone.
   */
  static final String ACTUATOR = "/actuator";

  static final String HEALTH = ACTUATOR + "/health";

  /** The staff member behind a request, with the Camunda groups they belong to. */
  public record StaffUser(String id, Set<String> groups) {
    public static final String ATTRIBUTE = "io.caseops.staffUser";

    public boolean inAny(String... wanted) {
      for (String group : wanted) {
        if (groups.contains(group)) {
          return true;
        }
      }
      return groups.contains(StaffGroups.ADMINS);
    }
  }

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

  /** The user logged in to the Camunda webapps on this request's session, if any. */
  private static String webappUser(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    Authentication authentication =
        authentications == null
            ? null
            : authentications.getAuthenticationForProcessEngine(engineName);
    return authentication == null ? null : authentication.getIdentityId();
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staffApiAuthenticationFilter(
      IdentityService identity, ProcessEngine engine) {
    return RequestFilters.register(
        "caseops-staff-api-authentication",
        Ordered.LOWEST_PRECEDENCE,
        (request, response, chain) -> {
          String path = RequestPaths.of(request);
          boolean actuator = RequestPaths.under(path, ACTUATOR);
          if (RequestPaths.under(path, HEALTH)) {
            chain.doFilter(request, response); // for load balancers and orchestrators
            return;
          }
          String userId = null;
          BasicCredentials credentials =
              BasicCredentials.of(request.getHeader("Authorization")).orElse(null);
          if (credentials != null) {
            if (identity.checkPassword(credentials.user(), credentials.password())) {
              LoginThrottle.verified(request);
              userId = credentials.user();
            }
          } else if (SAFE_METHODS.contains(request.getMethod())) {
            userId = webappUser(request, engine.getName());
          }
          if (userId == null) {
            BasicCredentials.challenge(
                response, "CaseOps staff", "Log in with your CaseOps staff user (HTTP Basic).");
            return;
          }
          // Groups as they are now, not as they were at the webapp login.
          Set<String> groups =
              identity.createGroupQuery().groupMember(userId).list().stream()
                  .map(Group::getId)
                  .collect(Collectors.toUnmodifiableSet());
          StaffUser user = new StaffUser(userId, groups);
          if (actuator && !user.inAny(StaffGroups.MONITORING, StaffGroups.ADMINS)) {
            RequestFilters.refuse(
                response,
                403,
                "Forbidden",
                "Metrics and build information are for the monitoring group and administrators.",
                null,
                null,
                Map.of());
            return;
          }
          request.setAttribute(StaffUser.ATTRIBUTE, user);
          chain.doFilter(request, response);
        },
        PATH + "/*",
        ACTUATOR,
        ACTUATOR + "/*");
  }
}
