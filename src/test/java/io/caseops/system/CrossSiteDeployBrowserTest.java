package io.caseops.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.caseops.testsupport.Browser;
import io.caseops.testsupport.Browsers;
import io.caseops.testsupport.CaseOpsTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attack of the defects issue in a real browser: an administrator's headless Chromium has sent
 * HTTP Basic credentials to /engine-rest once; a page of another origin then auto-submits a
 * multipart deployment there. The browser adds the cached credentials, and CaseOps refuses the
 * request because the browser says it comes from another site: nothing is deployed.
 */
@CaseOpsTest
class CrossSiteDeployBrowserTest {

  static final String NAME = "forged-in-a-browser";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;

  HttpServer otherSite;
  @RegisterExtension static final Browsers browsers = new Browsers("cross-site-screenshots");

  Browser browser;

  @AfterEach
  void close() {
    if (otherSite != null) {
      otherSite.stop(0);
    }
    repository
        .createDeploymentQuery()
        .deploymentName(NAME)
        .list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
  }

  /** A page on 127.0.0.1 (another origin than localhost) that deploys a model on load. */
  String evilPage() {
    String action = "http://localhost:" + port + "/engine-rest/deployment/create";
    String bpmn =
        "<?xml version=\\\"1.0\\\"?><definitions"
            + " xmlns=\\\"http://www.omg.org/spec/BPMN/20100524/MODEL\\\""
            + " xmlns:camunda=\\\"http://camunda.org/schema/1.0/bpmn\\\" targetNamespace=\\\"x\\\">"
            + "<process id=\\\"Forged\\\" isExecutable=\\\"true\\\" camunda:historyTimeToLive=\\\"P1D\\\">"
            + "<startEvent id=\\\"Start\\\"/></process></definitions>";
    return """
        <!doctype html><html><body>
        <form id="f" method="post" enctype="multipart/form-data" action="%s">
          <input name="deployment-name" value="%s"><input type="file" name="data" id="data">
        </form>
        <script>
          const file = new File(["%s"], "forged.bpmn", {type: "application/xml"});
          const files = new DataTransfer(); files.items.add(file);
          document.getElementById("data").files = files.files;
          document.getElementById("f").submit();
        </script></body></html>"""
        .formatted(action, NAME, bpmn);
  }

  @Test
  void aPageOfAnotherSiteCannotDeployWithTheAdministratorsCachedCredentials() throws Exception {
    otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] page = evilPage().getBytes(StandardCharsets.UTF_8);
    otherSite.createContext(
        "/evil.html",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    otherSite.start();
    browser = browsers.at(port);

    // The administrator once opened an engine REST URL with credentials: the browser keeps them.
    browser
        .driver()
        .get("http://demo:demo@localhost:" + port + "/engine-rest/deployment?name=" + NAME);
    assertThat(browser.driver().getPageSource()).contains("[]");

    browser.driver().get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/evil.html");
    browser.until(driver -> driver.getCurrentUrl().contains("/engine-rest/deployment/create"));
    String answer = browser.await(By.tagName("body")).getText();
    browser.screenshot("forged-deployment-refused");
    assertThat(answer).contains("another site").contains("403");
    assertThat(repository.createDeploymentQuery().deploymentName(NAME).count())
        .as("nothing deployed")
        .isZero();
  }
}
