package io.caseops.system.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a write to the engine REST API that a browser sends on behalf of another site's page: a
 * browser that once sent HTTP Basic credentials to {@code /engine-rest} sends them again with any
 * form another site's page submits there, and {@code deployment/create} takes a multipart form
 * (deploying is administrator-equivalent). Browsers say where a request comes from ({@code
 * Sec-Fetch-Site}, else {@code Origin}); Camunda Modeler and scripts send neither, and the Camunda
 * webapps call {@code /camunda/api}, guarded by their own CSRF token. CaseOps' own APIs refuse
 * cross-site forms by content type (RequestGuards).
 */
@Configuration(proxyBeanMethods = false)
public class CrossSiteRequests {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRestCrossSiteGuard(
      @Value("${camunda.bpm.jersey.application-path:/engine-rest}") String restPath) {
    return RequestFilters.register(
        "caseops-engine-rest-cross-site-guard",
        // Before the logins: a forged request costs no password check and counts no failure.
        Ordered.HIGHEST_PRECEDENCE + 55,
        (request, response, chain) -> {
          if (!SAFE_METHODS.contains(request.getMethod()) && crossSite(request)) {
            RequestFilters.refuse(
                response,
                403,
                "Forbidden",
                "A page of another site may not write to the engine REST API: send the request"
                    + " without a browser (Camunda Modeler, a script), or from CaseOps' own pages.",
                null,
                null,
                java.util.Map.of());
            return;
          }
          chain.doFilter(request, response);
        },
        restPath + "/*");
  }

  /** Whether the browser that sent {@code request} says it came from a page of another origin. */
  static boolean crossSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return !OWN_SITE.contains(site.strip().toLowerCase(Locale.ROOT));
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false; // not a browser's cross-origin write: browsers send Origin with every one
    }
    String host = request.getHeader("Host");
    try {
      URI from = URI.create(origin.strip());
      String authority = from.getRawAuthority();
      return authority == null || host == null || !authority.equalsIgnoreCase(host.strip());
    } catch (IllegalArgumentException unreadable) {
      return true; // "null" (a sandboxed or file page) and anything unreadable
    }
  }
}
