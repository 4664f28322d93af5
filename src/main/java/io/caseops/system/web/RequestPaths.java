package io.caseops.system.web;

import jakarta.servlet.http.HttpServletRequest;

/** Paths as the servlet mapping sees them, for filters that decide by path. */
public final class RequestPaths {

  private RequestPaths() {}

  /**
   * The request's normalised path within the application: never the raw URI, in which {@code
   * /api/policy/../cases} would pass for a public path.
   */
  public static String of(HttpServletRequest request) {
    return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
  }

  /**
   * Whether {@code path} is {@code prefix} itself or lies below it ({@code /actuator/health/x}).
   */
  public static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
