package io.caseops.system;

import io.caseops.system.StaffApiAuthentication.StaffUser;
import io.caseops.system.web.RequestFilters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Enforces {@link StaffAccess} on every staff API operation, before its body is read: a caller in
 * none of the operation's groups gets 403 naming them; an operation that names none is refused to
 * all (a forgotten rule never opens an operation to any logged-in user).
 */
@Configuration(proxyBeanMethods = false)
class StaffAccessRule implements WebMvcConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(StaffAccessRule.class);

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler)
                  throws Exception {
                return allowed(request, response, handler);
              }
            })
        .addPathPatterns(StaffApiAuthentication.PATH + "/**");
  }

  static boolean allowed(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws java.io.IOException {
    if (!(handler instanceof HandlerMethod method)) {
      return true; // not an operation: Spring answers 404 or 405 itself
    }
    StaffAccess access = method.getMethodAnnotation(StaffAccess.class);
    StaffUser staff = (StaffUser) request.getAttribute(StaffUser.ATTRIBUTE);
    if (access == null) {
      LOG.error("{} names no @StaffAccess: refused to everyone", method.getShortLogMessage());
      refuse(response, "This operation is open to nobody yet.");
      return false;
    }
    if (staff == null || !staff.inAny(access.value().groups().toArray(String[]::new))) {
      refuse(
          response,
          access.refusal().isEmpty()
              ? "This operation is for "
                  + String.join(", ", access.value().groups())
                  + " (and administrators)."
              : access.refusal());
      return false;
    }
    return true;
  }

  private static void refuse(HttpServletResponse response, String detail)
      throws java.io.IOException {
    RequestFilters.refuse(response, 403, "Forbidden", detail, null, null, Map.of());
  }
}
