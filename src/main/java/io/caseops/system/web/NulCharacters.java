package io.caseops.system.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses text with a NUL character (U+0000) at the edge, naming the field: PostgreSQL stores no
 * NUL in text, so such a value would otherwise fail deep inside a write with a 500. JSON strings
 * and object keys are checked as they are read; query parameters by a filter in front of CaseOps'
 * own APIs. (Tomcat itself refuses a NUL in the path.)
 */
@Configuration(proxyBeanMethods = false)
public class NulCharacters {

  static final String RULE = "must not contain NUL characters (U+0000)";

  static boolean has(String text) {
    return text != null && text.indexOf('\0') >= 0;
  }

  /** Picked up by Spring Boot's ObjectMapper: every JSON string of CaseOps' API goes through it. */
  @Bean
  Module nulFreeStrings() {
    SimpleModule module = new SimpleModule("caseops-nul-free-strings");
    module.addDeserializer(
        String.class,
        new StdScalarDeserializer<>(String.class) {
          @Override
          public String deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (has(value)) {
              throw InvalidFormatException.from(parser, RULE, value, String.class);
            }
            return value;
          }
        });
    module.addKeyDeserializer(
        String.class,
        new KeyDeserializer() {
          @Override
          public Object deserializeKey(String key, DeserializationContext context)
              throws IOException {
            if (has(key)) {
              throw InvalidFormatException.from(context.getParser(), RULE, key, String.class);
            }
            return key;
          }
        });
    return module;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> nulFreeParameters() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                  for (String value : parameter.getValue()) {
                    if (has(parameter.getKey()) || has(value)) {
                      refuse(response, has(parameter.getKey()) ? "query" : parameter.getKey());
                      return;
                    }
                  }
                }
                chain.doFilter(request, response);
              }
            });
    registration.setName("caseops-nul-free-parameters");
    registration.addUrlPatterns("/api/*", "/staff/api/*");
    // Before the logins: a refused request costs no password check.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  private static void refuse(HttpServletResponse response, String field) throws IOException {
    ObjectNode problem = JsonNodeFactory.instance.objectNode();
    problem.put("title", "Bad request");
    problem.put("status", 400);
    problem.put("detail", field + " " + RULE);
    problem.putArray("errors").addObject().put("field", field).put("rule", RULE);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(problem.toString());
  }
}
