package io.caseops.system.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** User and password of an HTTP Basic {@code Authorization} header. */
public record BasicCredentials(String user, String password) {

  /**
   * Answers 401 with an HTTP Basic challenge for {@code realm} and a problem body whose detail says
   * how to log in.
   */
  public static void challenge(HttpServletResponse response, String realm, String detail)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
    RequestFilters.refuse(
        response,
        HttpServletResponse.SC_UNAUTHORIZED,
        "Unauthorized",
        detail,
        null,
        null,
        Map.of());
  }

  /**
   * The credentials of the header; empty when there is none, it is malformed, or it holds a NUL
   * character.
   */
  public static Optional<BasicCredentials> of(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      // No user name or password of CaseOps has a NUL; PostgreSQL would refuse to even look one up.
      return colon <= 0 || decoded.indexOf('\0') >= 0
          ? Optional.empty()
          : Optional.of(
              new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
