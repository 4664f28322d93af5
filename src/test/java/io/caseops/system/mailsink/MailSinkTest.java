package io.caseops.system.mailsink;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.FreePort;
import io.caseops.testsupport.StaffClient;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In the demo run every mail the service sends through Spring Mail shows at /dev/mail, escaped. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.url=jdbc:h2:mem:caseops-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
class MailSinkTest {

  @DynamicPropertySource
  static void sinkOnAFreePort(DynamicPropertyRegistry registry) {
    int port = FreePort.find();
    registry.add("caseops.mail.sink.enabled", () -> "true");
    registry.add("caseops.mail.sink.port", () -> port);
    registry.add("spring.mail.port", () -> port);
  }

  @LocalServerPort int port;

  @Autowired JavaMailSender mailSender;

  @Test
  void sentMailShowsWithRecipientSubjectAndBody() throws Exception {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom("support@caseops.example");
    helper.setTo("ana.lima@northwind.example");
    helper.setCc("ben.cho@northwind.example");
    helper.setSubject("[CASE-2026-000042] We received your case");
    helper.setText(
        "Your case <script>alert(1)</script> is in the queue.",
        "<p>Your case is in the queue.</p>");
    mailSender.send(message);

    StaffClient client = new StaffClient(port);
    HttpResponse<String> json =
        client.send(
            HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/dev/mail"))
                .header("Accept", "application/json"));
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body())
        .contains("ana.lima@northwind.example")
        .contains("[CASE-2026-000042] We received your case")
        .contains("is in the queue.");

    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/dev/mail"))
                .header("Accept", "text/html"));
    // One mail to two recipients is listed once, with both.
    assertThat(page.body())
        .contains("<p>1 mail</p>")
        .contains("ana.lima@northwind.example, ben.cho@northwind.example")
        .contains("Your case &lt;script&gt;alert(1)&lt;/script&gt; is in the queue.")
        .doesNotContain("<script>");
  }
}
