package io.caseops.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API ({@code /engine-rest}) is open to staff only: HTTP Basic against Camunda's
 * users, and the caller's Camunda authorizations apply to every call. The starter leaves it
 * unauthenticated by default. Cross-site writes are refused before this (CrossSiteRequests).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthentication {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
      @Value("${camunda.bpm.jersey.application-path:/engine-rest}") String restPath) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-authentication");
    registration.addUrlPatterns(restPath + "/*");
    registration.setInitParameters(
        Map.of(
            ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
            VerifiedBasicAuthentication.class.getName(),
            ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX,
            restPath));
    return registration;
  }

  /** Camunda's HTTP Basic check, telling the login throttle when the password was right. */
  public static class VerifiedBasicAuthentication extends HttpBasicAuthenticationProvider {
    @Override
    public AuthenticationResult extractAuthenticatedUser(
        HttpServletRequest request, ProcessEngine engine) {
      AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
      if (result.isAuthenticated()) {
        LoginThrottle.verified(request);
      }
      return result;
    }
  }
}
