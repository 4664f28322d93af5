package io.caseops.system.web;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine REST API's paging parameters ({@code firstResult}, {@code maxResults}) must be whole
 * numbers from 0: the engine passes a negative one to the database, whose refusal came back as a
 * 500 ("An exception occurred in the persistence layer") on the history and other lists.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestPaging {

  static final List<String> PARAMETERS = List.of("firstResult", "maxResults");
  static final String RULE = "must be a whole number from 0";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRestPagingGuard(
      @Value("${camunda.bpm.jersey.application-path:/engine-rest}") String restPath) {
    return RequestFilters.register(
        "caseops-engine-rest-paging-guard",
        Ordered.HIGHEST_PRECEDENCE + 57,
        (request, response, chain) -> {
          for (String name : PARAMETERS) {
            String value = request.getParameter(name);
            if (value != null && !value.matches("[0-9]{1,10}")) {
              RequestFilters.refuse(response, 400, "Bad request", name, RULE + ", got " + value);
              return;
            }
          }
          chain.doFilter(request, response);
        },
        restPath + "/*");
  }
}
