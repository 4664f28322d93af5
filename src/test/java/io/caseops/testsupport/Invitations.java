package io.caseops.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A new named contact's invitation as they get it: the link in the mail queued for them (the
 * outbox, as it goes to SMTP), and the portal's page of that link, where they choose a password.
 */
public final class Invitations {

  private static final Pattern LINK = Pattern.compile("https?://\\S+(/portal/invitation/\\S+)");

  private Invitations() {}

  /** The path of the link in the latest invitation mailed to the address. */
  public static String linkFor(JdbcTemplate jdbc, String email) {
    List<String> mails =
        jdbc.queryForList(
            "select text_body from mail_outbox where event = 'contact-invitation'"
                + " and recipients = ? order by id desc",
            String.class,
            email);
    assertThat(mails).as("an invitation mailed to " + email).isNotEmpty();
    Matcher link = LINK.matcher(mails.get(0));
    assertThat(link.find()).as("the invitation carries a link: " + mails.get(0)).isTrue();
    return link.group(1);
  }

  /**
   * Chooses the password on the link's page, as the contact's browser does (a session's CSRF
   * token).
   */
  public static HttpResponse<String> accept(int port, String link, String password)
      throws Exception {
    return new PortalForms(port)
        .post("/portal/sign-in", link, "newPassword", password, "newPasswordAgain", password);
  }

  /** Mailed the link, chooses the password: the contact can sign in with it. */
  public static void acceptLatest(int port, JdbcTemplate jdbc, String email, String password)
      throws Exception {
    HttpResponse<String> accepted = accept(port, linkFor(jdbc, email), password);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
  }
}
