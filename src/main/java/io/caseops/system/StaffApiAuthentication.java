package io.caseops.system;

import io.caseops.system.web.BasicCredentials;
import io.caseops.system.web.RequestFilters;
import io.caseops.system.web.RequestPaths;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CaseOps' own staff endpoints ({@code /staff/api}, and actuator's metrics and info) take the same
 * logins as Tasklist and Cockpit: HTTP Basic against Camunda's users. The authenticated {@link
 * StaffUser} is a request attribute; controllers check its groups.
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

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staffApiAuthenticationFilter(
      IdentityService identity) {
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
          BasicCredentials credentials =
              BasicCredentials.of(request.getHeader("Authorization")).orElse(null);
          if (credentials == null
              || !identity.checkPassword(credentials.user(), credentials.password())) {
            BasicCredentials.challenge(
                response, "CaseOps staff", "Log in with your CaseOps staff user (HTTP Basic).");
            return;
          }
          Set<String> groups =
              identity.createGroupQuery().groupMember(credentials.user()).list().stream()
                  .map(Group::getId)
                  .collect(Collectors.toUnmodifiableSet());
          StaffUser user = new StaffUser(credentials.user(), groups);
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
