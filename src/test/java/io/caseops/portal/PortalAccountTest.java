package io.caseops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.entitlement.ContactDirectory;
import io.caseops.entitlement.NamedContacts;
import io.caseops.entitlement.ServiceAllowanceLedger;
import io.caseops.testsupport.Browser;
import io.caseops.testsupport.CaseOpsTest;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The account page in a real headless Chromium, as Initech's administrator Ivy Patel (Silver: 6
 * named contacts, 5 administrators, account-wide visibility) uses it: the limits shown and enforced
 * with the API's message, a contact added with their initial password shown once, removed, made
 * administrator and back; visibility; service hours; 403 for a contact who is no administrator.
 * Screenshots in target/portal-screenshots/.
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

  Browser browser;

  @BeforeEach
  void open() {
    browser = new Browser(port, "portal-screenshots");
  }

  @AfterEach
  void close() {
    browser.close();
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
    String initial = browser.await(By.id("initial-password")).getText();
    assertThat(initial).hasSize(20);
    assertThat(contacts.authenticate("new.colleague@initech.example", initial)).isPresent();
    assertThat(
            contacts.find("new.colleague@initech.example").orElseThrow().passwordChangeRequired())
        .isTrue();
    assertThat(
            browser
                .await(By.cssSelector("tr[data-contact='new.colleague@initech.example']"))
                .getText())
        .contains("New <em>Colleague</em>");
    browser.screenshot("account-added");
    browser.open("/portal/account");
    assertThat(browser.all(By.id("initial-password"))).as("shown once").isEmpty();
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
