package io.caseops.system.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CaseOps' servlet filters: one way to register them, and one way for a filter to refuse a request
 * with a problem body, as {@link ApiErrors} answers for the controllers.
 */
public final class RequestFilters {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestFilters() {}

  /** What a filter does with one request: pass it on with {@code chain}, or answer it. */
  @FunctionalInterface
  public interface Body {
    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException;
  }

  /** A filter named {@code name}, run once per request in {@code order} on {@code urlPatterns}. */
  public static FilterRegistrationBean<OncePerRequestFilter> register(
      String name, int order, Body body, String... urlPatterns) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                body.filter(request, response, chain);
              }
            });
    registration.setName(name);
    registration.setOrder(order);
    registration.addUrlPatterns(urlPatterns);
    return registration;
  }

  /**
   * Answers {@code status} with a problem body: {@code detail}, the {@code field} and {@code rule}
   * as ApiErrors names them (none when {@code field} is null), and {@code extra} members.
   */
  public static void refuse(
      HttpServletResponse response,
      int status,
      String title,
      String detail,
      String field,
      String rule,
      Map<String, Object> extra)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (field != null) {
      body.put("errors", List.of(Map.of("field", field, "rule", rule)));
    }
    body.putAll(extra);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  /** A refusal for one field's rule, the detail being the field and the rule. */
  public static void refuse(
      HttpServletResponse response, int status, String title, String field, String rule)
      throws IOException {
    refuse(response, status, title, field + " " + rule, field, rule, Map.of());
  }
}
