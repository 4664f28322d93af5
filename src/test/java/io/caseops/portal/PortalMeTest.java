package io.caseops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.entitlement.ContactDirectory;
import io.caseops.entitlement.ContactPasswords;
import io.caseops.entitlement.NamedContacts;
import io.caseops.testsupport.Browser;
import io.caseops.testsupport.Browsers;
import io.caseops.testsupport.CaseOpsTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Me" and the forced password change in a real headless Chromium: a contact of an older version,
 * on the initial password Ivy Patel handed over, can do nothing else until they chose their own;
 * Jon Berg sets his name, language and time zone, and the pages follow. Screenshots in
 * target/portal-screenshots/.
 */
@CaseOpsTest
class PortalMeTest {

  static final String IVY = "ivy.patel@initech.example";
  static final String JON = "jon.berg@initech.example";
  static final String NEW_HIRE = "portal.hire@initech.example";

  @LocalServerPort int port;
  @Autowired ContactDirectory directory;
  @Autowired NamedContacts contacts;

  @RegisterExtension static final Browsers browsers = new Browsers("portal-screenshots");

  Browser browser;

  @BeforeEach
  void open() {
    browser = browsers.at(port);
  }

  @AfterEach
  void close() {
    contacts
        .find(NEW_HIRE)
        .ifPresent(hire -> directory.remove(contacts.find(IVY).orElseThrow(), NEW_HIRE));
    directory.updateProfile(contacts.find(JON).orElseThrow(), "Jon Berg", "America/New_York", null);
  }

  @Autowired ContactPasswords passwords;
  @Autowired JdbcTemplate jdbc;

  /**
   * Contacts added before invitations (V14) got an initial password their administrator handed
   * over; such a contact still replaces it first.
   */
  @Test
  void aContactOnAnInitialPasswordChoosesTheirOwnBeforeAnythingElse() {
    directory.add(
        contacts.find(IVY).orElseThrow(),
        new ContactDirectory.NewContact(NEW_HIRE, "Pat Hire", "Europe/Paris", false, List.of()));
    String initial = "handed-over-by-an-older-version";
    jdbc.update(
        "update named_contact set password_hash = ?, password_change_required = true"
            + " where email = ?",
        passwords.hash(initial),
        NEW_HIRE);
    PortalPages.signIn(browser, NEW_HIRE, initial);
    assertThat(browser.driver().getCurrentUrl()).endsWith("/portal/me/password");
    assertThat(browser.await(By.id("forced")).getText())
        .startsWith("Your password is the initial one");
    PortalPages.accessible(browser, "password-forced");
    browser.screenshot("password-forced");

    // Anywhere else, the password change again.
    browser.open("/portal/cases");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/portal/me/password");

    changePassword("not the initial one", "a long new passphrase", "a long new passphrase");
    assertThat(browser.await(By.id("currentPassword-error")).getText())
        .isEqualTo("is not your current password");
    changePassword(initial, "a long new passphrase", "a long new passphrasE");
    assertThat(browser.await(By.id("newPasswordAgain-error")).getText())
        .isEqualTo("must repeat the new password exactly");
    changePassword(initial, "short", "short");
    assertThat(browser.await(By.id("newPassword-error")).getText())
        .startsWith("must be at least 12 characters");
    assertThat(browser.await(By.id("newPassword")).getAttribute("aria-describedby"))
        .isEqualTo("newPassword-error");
    browser.screenshot("password-refused");

    changePassword(initial, "a long new passphrase", "a long new passphrase");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/portal/cases");
    assertThat(browser.await(By.cssSelector(".notice")).getText())
        .isEqualTo("Your password is changed.");
    assertThat(contacts.find(NEW_HIRE).orElseThrow().passwordChangeRequired()).isFalse();

    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Sign out']"));
    PortalPages.signIn(browser, NEW_HIRE, "a long new passphrase");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/portal/cases");
  }

  @Test
  void aContactSetsTheirNameLanguageAndTimeZoneAndThePagesFollow() {
    PortalPages.signIn(browser, JON, "jon.berg");
    browser.clickAndWaitForNextPage(By.linkText("Me"));
    assertThat(browser.await(By.id("displayName")).getAttribute("value")).isEqualTo("Jon Berg");
    PortalPages.accessible(browser, "me");
    browser.screenshot("me");

    // Refused: a blank name, and one past the limit typed past the browser's; nothing is saved.
    browser.await(By.id("displayName")).clear();
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Save']"));
    assertThat(browser.await(By.id("displayName-error")).getText()).isEqualTo("is required");
    ((JavascriptExecutor) browser.driver())
        .executeScript(
            "const n = document.getElementById('displayName');"
                + "n.removeAttribute('maxlength'); n.value = 'J'.repeat(201);");
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Save']"));
    assertThat(browser.await(By.id("displayName-error")).getText())
        .isEqualTo("must be at most 200 characters");
    assertThat(contacts.find(JON).orElseThrow().displayName()).isEqualTo("Jon Berg");

    browser.await(By.id("displayName")).clear();
    browser.await(By.id("displayName")).sendKeys("Jon <b>Berg</b>");
    new Select(browser.await(By.id("language"))).selectByValue("fr");
    new Select(browser.await(By.id("timeZone"))).selectByValue("Europe/Paris");
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Save']"));
    assertThat(browser.await(By.cssSelector(".notice")).getText()).isEqualTo("Enregistré.");
    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Mon profil");

    browser.clickAndWaitForNextPage(By.linkText("Mes cas"));
    assertThat(browser.await(By.id("intro")).getText())
        .contains("Jon <b>Berg</b>")
        .contains("Europe/Paris");
    browser.screenshot("cases-after-me");

    // The next sign-in, in any browser, is in French.
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Se déconnecter']"));
    browser.driver().manage().deleteAllCookies();
    PortalPages.signIn(browser, JON, "jon.berg");
    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Mes cas");
  }

  void changePassword(String current, String next, String again) {
    browser.await(By.id("currentPassword")).sendKeys(current);
    browser.await(By.id("newPassword")).sendKeys(next);
    browser.await(By.id("newPasswordAgain")).sendKeys(again);
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Change my password']"));
  }
}
