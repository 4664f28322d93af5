package io.caseops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.entitlement.ContactDirectory;
import io.caseops.entitlement.NamedContacts;
import io.caseops.entitlement.ServiceAllowanceLedger;
import io.caseops.testsupport.Browser;
import io.caseops.testsupport.Browsers;
import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.Invitations;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The account page in a real headless Chromium, as Initech's administrator Ivy Patel (Silver: 6
 * named contacts, 5 administrators, account-wide visibility) uses it: the limits shown and enforced
 * with the API's message, a contact added and invited by mail (again when the mail got lost), who
 * chooses a password on the link's page and signs in, removed, made administrator and back;
 * visibility; service hours; 403 for a contact who is no administrator. Screenshots in
 * target/portal-screenshots/.
 */
@CaseOpsTest
class PortalAccountTest {

  static final String IVY = "ivy.patel@initech.example";
  static final String JON = "jon.berg@initech.example";

  @LocalServerPort int port;
  @Autowired ContactDirectory directory;
  @Autowired NamedContacts contacts;
  @Autowired ServiceAllowanceLedger ledger;
  @Autowired JdbcTemplate jdbc;

  @RegisterExtension static final Browsers browsers = new Browsers("portal-screenshots");

  Browser browser;

  @BeforeEach
  void open() {
    browser = browsers.at(port);
  }

  @AfterEach
  void close() {
    jdbc.update("delete from named_contact where account_id = 'initech' and email like 'filler%'");
    jdbc.update("delete from named_contact where email = 'new.colleague@initech.example'");
    jdbc.update("update named_contact set delegated_admin = false where email = ?", JON);
    jdbc.update("update account set account_wide_visibility = false where id = 'initech'");
  }

  @Test
  void anAdministratorSeesTheLimitsAddsBeyondThemAndIsToldWhyThenMakesRoom() {
    PortalPages.signIn(browser, IVY, "ivy.patel");
    browser.clickAndWaitForNextPage(By.linkText("Account"));
    int before = directory.overview(ivy()).contacts().size();
    assertThat(browser.await(By.id("limits")).getText())
        .isEqualTo(before + " of 6 named contacts; 1 of 5 delegated administrators.");
    PortalPages.accessible(browser, "account");
    browser.screenshot("account");

    // Up to the limit through the service, then one more in the page.
    IntStream.range(before, 6)
        .forEach(
            i ->
                directory.add(
                    ivy(),
                    new ContactDirectory.NewContact(
                        "filler" + i + "@initech.example", "Filler " + i, null, false, List.of())));
    browser.open("/portal/account");
    browser.await(By.id("email")).sendKeys("new.colleague@initech.example");
    browser.await(By.id("displayName")).sendKeys("New <em>Colleague</em>");
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Add the contact']"));
    assertThat(browser.await(By.id("email-error")).getText())
        .isEqualTo("The silver plan allows 6 named contacts; Initech has 6. Remove one first.");
    assertThat(browser.await(By.id("displayName")).getAttribute("value"))
        .isEqualTo("New <em>Colleague</em>");
    assertThat(contacts.find("new.colleague@initech.example")).isEmpty();
    PortalPages.accessible(browser, "account-limit");
    browser.screenshot("account-limit");

    browser.clickAndWaitForNextPage(
        By.cssSelector(
            "tr[data-contact='filler5@initech.example'] button[aria-label='Remove Filler 5']"));
    assertThat(browser.await(By.cssSelector(".notice")).getText())
        .isEqualTo("filler5@initech.example is removed: they can no longer sign in.");
    browser.await(By.id("email")).sendKeys("new.colleague@initech.example");
    browser.await(By.id("displayName")).sendKeys("New <em>Colleague</em>");
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Add the contact']"));
    assertThat(browser.await(By.id("added")).getText())
        .startsWith(
            "We mailed new.colleague@initech.example an invitation: they choose their password"
                + " through its link, which works until ")
        .endsWith("No one else ever knows it.");
    assertThat(
            jdbc.queryForObject(
                "select password_hash from named_contact where email = ?",
                String.class,
                "new.colleague@initech.example"))
        .as("no password until the contact chooses one")
        .isNull();
    assertThat(
            browser
                .await(By.cssSelector("tr[data-contact='new.colleague@initech.example']"))
                .getText())
        .contains("New <em>Colleague</em>")
        .contains("Invited, link until ");
    PortalPages.accessible(browser, "account-added");
    browser.screenshot("account-added");
    String first = Invitations.linkFor(jdbc, "new.colleague@initech.example");

    // The mail got lost: another one, and the first link stops working.
    browser.clickAndWaitForNextPage(
        By.cssSelector("button[aria-label='Send New <em>Colleague</em> the invitation again']"));
    assertThat(browser.await(By.cssSelector(".notice")).getText())
        .isEqualTo(
            "new.colleague@initech.example gets a new invitation link; the earlier one no longer"
                + " works.");
    String second = Invitations.linkFor(jdbc, "new.colleague@initech.example");
    assertThat(second).isNotEqualTo(first);
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Sign out']"));

    browser.open(first);
    assertThat(browser.await(By.id("invitation-gone")).getText())
        .startsWith("This link no longer works");

    browser.open(second);
    assertThat(browser.await(By.tagName("main")).getText())
        .contains("Welcome, New <em>Colleague</em>.");
    PortalPages.accessible(browser, "invitation");
    browser.screenshot("invitation");
    choosePassword("a long passphrase of mine", "a long passphrase of minE");
    assertThat(browser.await(By.id("newPasswordAgain-error")).getText())
        .isEqualTo("must repeat the new password exactly");
    choosePassword("short", "short");
    assertThat(browser.await(By.id("newPassword-error")).getText())
        .startsWith("must be at least 12 characters");
    browser.driver().manage().window().setSize(new Dimension(390, 844));
    assertThat(PortalPages.pageWidth(browser)).as("no sideways scrolling").isLessThanOrEqualTo(390);
    browser.screenshot("invitation-refused-phone");
    browser.driver().manage().window().setSize(new Dimension(1280, 900));
    choosePassword("a long passphrase of mine", "a long passphrase of mine");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/portal/sign-in");
    assertThat(browser.await(By.id("welcome")).getText())
        .isEqualTo("Your password is set. Sign in with it.");
    assertThat(browser.await(By.id("email")).getAttribute("value"))
        .isEqualTo("new.colleague@initech.example");
    browser.await(By.id("password")).sendKeys("a long passphrase of mine");
    browser.clickAndWaitForNextPage(PortalPages.SUBMIT);
    assertThat(browser.driver().getCurrentUrl()).endsWith("/portal/cases");

    browser.open(second);
    assertThat(browser.await(By.id("invitation-gone")).getText())
        .as("used once")
        .startsWith("This link no longer works");
  }

  void choosePassword(String password, String again) {
    browser.await(By.id("newPassword")).sendKeys(password);
    browser.await(By.id("newPasswordAgain")).sendKeys(again);
    browser.clickAndWaitForNextPage(PortalPages.SUBMIT);
  }

  @Test
  void anAdministratorGrantsAndRevokesAdministrationAndSetsVisibility() {
    PortalPages.signIn(browser, IVY, "ivy.patel");
    browser.open("/portal/account");
    browser.clickAndWaitForNextPage(
        By.cssSelector("button[aria-label='Make Jon Berg an administrator']"));
    assertThat(browser.await(By.cssSelector(".notice")).getText())
        .isEqualTo(JON + " is a delegated administrator now.");
    assertThat(contacts.find(JON).orElseThrow().delegatedAdmin()).isTrue();
    assertThat(browser.await(By.id("limits")).getText())
        .contains("2 of 5 delegated administrators");
    browser.clickAndWaitForNextPage(
        By.cssSelector("button[aria-label='Make Jon Berg a contact, not an administrator']"));
    assertThat(contacts.find(JON).orElseThrow().delegatedAdmin()).isFalse();

    browser.await(By.id("accountWide")).click();
    browser.clickAndWaitForNextPage(By.xpath("//button[normalize-space()='Save who sees what']"));
    assertThat(browser.await(By.cssSelector(".notice")).getText()).isEqualTo("Saved.");
    assertThat(browser.await(By.id("accountWide")).isSelected()).isTrue();
    assertThat(
            jdbc.queryForObject(
                "select account_wide_visibility from account where id = 'initech'", Boolean.class))
        .isTrue();

    List<ServiceAllowanceLedger.Balance> hours =
        ledger.balances("initech", LocalDate.now(java.time.ZoneOffset.UTC));
    assertThat(hours).isNotEmpty();
    assertThat(browser.all(By.cssSelector("#hours tbody tr"))).hasSize(hours.size());
    assertThat(
            browser
                .await(By.cssSelector("#hours tr[data-benefit='" + hours.get(0).benefit() + "']"))
                .getText())
        .contains(hours.get(0).usedHours() + " h");
    browser.screenshot("account-visibility");
  }

  @Test
  void aContactWhoIsNoAdministratorIsRefusedTheAccountPage() {
    PortalPages.signIn(browser, JON, "jon.berg");
    assertThat(browser.all(By.linkText("Account"))).isEmpty();
    browser.open("/portal/account");
    assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Not for you");
    PortalPages.accessible(browser, "forbidden");
    browser.screenshot("forbidden");
  }

  NamedContacts.Contact ivy() {
    return contacts.find(IVY).orElseThrow();
  }
}
