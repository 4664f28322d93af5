package io.caseops.system;

import io.caseops.system.web.BasicCredentials;
import io.caseops.system.web.RequestFilters;
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
 * CaseOps' own staff endpoints ({@code /staff/api}) take the same logins as Tasklist and Cockpit:
 * HTTP Basic against Camunda's users. The authenticated {@link StaffUser} is a request attribute;
 * controllers check its groups.
 */
@Configuration(proxyBeanMethods = false)
public class StaffApiAuthentication {

  public static final String PATH = "/staff/api";

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
          request.setAttribute(StaffUser.ATTRIBUTE, new StaffUser(credentials.user(), groups));
          chain.doFilter(request, response);
        },
        PATH + "/*");
  }
}
