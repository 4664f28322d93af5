package io.caseops.system.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every request of CaseOps' own APIs ({@code /api}, {@code /staff/api}) must be before a
 * controller, or even a login, looks at it: a body of at most {@code
 * caseops.security.max-body-bytes} (413 naming the limit), and a mutation (POST, PUT, PATCH) with a
 * JSON content type or an {@code X-Requested-With} header, so that a page of another site cannot
 * drive it with a browser's cached HTTP Basic credentials (a cross-site form can send neither
 * without a CORS preflight, which CaseOps does not grant). Every answer outside Camunda's webapps
 * (which set their own, see application.yaml) carries the usual security headers.
 */
@Configuration(proxyBeanMethods = false)
public class RequestGuards {

  private static final Set<String> MUTATIONS = Set.of("POST", "PUT", "PATCH");

  /** The customer portal's pages (portal.PortalSecurity). */
  public static final String PORTAL = "/portal";

  /** A body went past the limit while it was read (no Content-Length announced it). */
  public static class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("the request body is larger than " + limit + " bytes");
    }
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> securityHeaders(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapps) {
    return RequestFilters.register(
        "caseops-security-headers",
        Ordered.HIGHEST_PRECEDENCE + 50,
        (request, response, chain) -> {
          response.setHeader("X-Frame-Options", "DENY");
          response.setHeader("Referrer-Policy", "no-referrer");
          // The webapps send the others themselves (application.yaml, header-security).
          String path = RequestPaths.of(request);
          if (!path.startsWith(webapps + "/")) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            // The portal's pages send a whole policy of their own (PortalSecurity), which a
            // header set here first would keep out.
            if (!RequestPaths.under(path, PORTAL)) {
              response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
            }
            if (request.isSecure()) {
              response.setHeader(
                  "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
          }
          chain.doFilter(request, response);
        },
        "/*");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> apiRequestGuard(
      @Value("${caseops.security.max-body-bytes:1048576}") long maxBody) {
    return RequestFilters.register(
        "caseops-api-request-guard",
        // Before the logins: an oversized or cross-site request costs no password check.
        Ordered.HIGHEST_PRECEDENCE + 60,
        (request, response, chain) -> {
          if (request.getContentLengthLong() > maxBody) {
            tooLarge(response, maxBody);
            return;
          }
          if (MUTATIONS.contains(request.getMethod())
              && !json(request.getContentType())
              && request.getHeader("X-Requested-With") == null) {
            RequestFilters.refuse(
                response,
                415,
                "Unsupported media type",
                "Content-Type",
                "must be application/json (also with an empty body), got "
                    + request.getContentType());
            return;
          }
          try {
            chain.doFilter(
                request.getContentLengthLong() < 0 ? limited(request, maxBody) : request, response);
          } catch (ServletException | IOException | RuntimeException failure) {
            // A login filter found no database: 503, as ApiErrors answers for the controllers.
            if (!DatabaseOutage.causedBy(failure) || response.isCommitted()) {
              throw failure;
            }
            response.reset();
            DatabaseOutage.answer(response);
          }
        },
        "/api/*",
        "/staff/api/*");
  }

  /** 413 with the limit: for a body announced too large, or found so while read. */
  public static void tooLarge(HttpServletResponse response, long maxBody) throws IOException {
    RequestFilters.refuse(
        response,
        413,
        "Payload too large",
        "body",
        "must be at most " + maxBody + " bytes (caseops.security.max-body-bytes)");
  }

  static boolean json(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
    return type.equals("application/json") || type.matches("application/[a-z0-9.+-]*\\+json");
  }

  /** A body of unannounced length, cut off past the limit. */
  private static HttpServletRequest limited(HttpServletRequest request, long maxBody) {
    return new HttpServletRequestWrapper(request) {
      private ServletInputStream stream;

      @Override
      public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
          ServletInputStream in = super.getInputStream();
          stream =
              new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                  int b = in.read();
                  if (b >= 0 && ++read > maxBody) {
                    throw new BodyTooLargeException(maxBody);
                  }
                  return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                  int n = in.read(buffer, offset, length);
                  if (n > 0 && (read += n) > maxBody) {
                    throw new BodyTooLargeException(maxBody);
                  }
                  return n;
                }

                @Override
                public boolean isFinished() {
                  return in.isFinished();
                }

                @Override
                public boolean isReady() {
                  return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                  in.setReadListener(listener);
                }
              };
        }
        return stream;
      }
    };
  }
}
