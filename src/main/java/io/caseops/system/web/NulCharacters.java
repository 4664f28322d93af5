package io.caseops.system.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses text with a NUL character (U+0000) at the edge, naming the field: PostgreSQL stores no
 * NUL in text, so such a value would otherwise fail deep inside a write with a 500. Likewise a JSON
 * string with half a UTF-16 surrogate pair ({@code \ud800} alone): H2 stored it, and the case's
 * JSON broke on reading. JSON strings and object keys are checked as they are read; query and form
 * parameters by a filter in front of every path. (Tomcat itself refuses a NUL in the path.)
 */
@Configuration(proxyBeanMethods = false)
public class NulCharacters {

  static final String RULE = "must not contain NUL characters (U+0000)";

  static final String SURROGATE_RULE =
      "must not contain an unpaired surrogate (\\ud800 to \\udfff alone is no character)";

  static boolean has(String text) {
    return text != null && text.indexOf('\0') >= 0;
  }

  /**
   * Whether {@code text} holds half of a UTF-16 pair alone, which no database or JSON reader takes.
   */
  static boolean unpaired(String text) {
    for (int i = 0; text != null && i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
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
            if (unpaired(value)) {
              throw InvalidFormatException.from(parser, SURROGATE_RULE, value, String.class);
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
            if (unpaired(key)) {
              throw InvalidFormatException.from(
                  context.getParser(), SURROGATE_RULE, key, String.class);
            }
            return key;
          }
        });
    return module;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> nulFreeParameters() {
    return RequestFilters.register(
        "caseops-nul-free-parameters",
        // Before the logins: a refused request costs no password check.
        Ordered.HIGHEST_PRECEDENCE,
        (request, response, chain) -> {
          for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
              if (has(parameter.getKey()) || has(value)) {
                RequestFilters.refuse(
                    response,
                    400,
                    "Bad request",
                    has(parameter.getKey()) ? "query" : parameter.getKey(),
                    RULE);
                return;
              }
            }
          }
          chain.doFilter(request, response);
        },
        // Every surface: the portal's forms, the webapps' login and the engine REST API write too.
        "/*");
  }
}
