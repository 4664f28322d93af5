package io.caseops.entitlement;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code caseops.invitations}: where the portal is, as a contact's browser reaches it (the link of
 * an invitation mail), and how long an invitation works.
 *
 * @param portalUrl the portal's address, e.g. https://support.example.com/portal
 * @param validFor how long a new contact's link works; after that, an administrator sends another
 */
@ConfigurationProperties("caseops.invitations")
record InvitationProperties(
    @DefaultValue("http://localhost:8080/portal") URI portalUrl,
    @DefaultValue("P7D") Duration validFor) {

  InvitationProperties {
    if (portalUrl == null
        || !portalUrl.isAbsolute()
        || !("https".equals(portalUrl.getScheme()) || "http".equals(portalUrl.getScheme()))) {
      throw new IllegalArgumentException(
          "caseops.invitations.portal-url must be an http(s) address, got '" + portalUrl + "'");
    }
    if (validFor == null || validFor.isNegative() || validFor.isZero()) {
      throw new IllegalArgumentException(
          "caseops.invitations.valid-for must be a positive duration, got '" + validFor + "'");
    }
  }

  /** The page that takes the token: {@code <portal-url>/invitation/<token>}. */
  String link(String token) {
    String base = portalUrl.toString();
    return (base.endsWith("/") ? base : base + "/") + "invitation/" + token;
  }
}
