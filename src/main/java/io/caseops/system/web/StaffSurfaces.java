package io.caseops.system.web;

import java.util.Map;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code caseops.staff-surfaces.port} set, the staff surfaces (the webapps, the engine REST
 * API, the staff API, actuator's metrics and info) are served on that port only, optionally bound
 * to an internal {@code address}, and answer 404 on the customer-facing port, which keeps the
 * contact API, the public policy and health. Unset, everything shares one port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("caseops.staff-surfaces.port")
class StaffSurfaces {

  private final int port;

  StaffSurfaces(@Value("${caseops.staff-surfaces.port}") int port) {
    this.port = port;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> staffConnector(
      @Value("${caseops.staff-surfaces.address:}") String address) {
    return factory -> {
      Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
      connector.setPort(port);
      if (!address.isBlank()) {
        connector.setProperty("address", address);
      }
      factory.addAdditionalTomcatConnectors(connector);
    };
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staffSurfacesOnTheirPort(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps,
      @Value("${camunda.bpm.jersey.application-path:/engine-rest}") String rest) {
    return RequestFilters.register(
        "caseops-staff-surfaces",
        // Before anything else looks at the request, the login throttle included.
        Ordered.HIGHEST_PRECEDENCE + 40,
        (request, response, chain) -> {
          String path = RequestPaths.of(request);
          boolean staff =
              RequestPaths.under(path, webapps)
                  || RequestPaths.under(path, rest)
                  || RequestPaths.under(path, "/staff/api")
                  || (RequestPaths.under(path, "/actuator")
                      && !RequestPaths.under(path, "/actuator/health"));
          if (staff && request.getLocalPort() != port) {
            RequestFilters.refuse(
                response, 404, "Not Found", "No such resource on this port.", null, null, Map.of());
            return;
          }
          chain.doFilter(request, response);
        },
        "/*");
  }
}
