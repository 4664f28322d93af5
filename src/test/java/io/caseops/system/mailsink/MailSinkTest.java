package io.caseops.system.mailsink;

import static org.assertj.core.api.Assertions.assertThat;

import io.caseops.testsupport.CaseOpsTest;
import io.caseops.testsupport.StaffClient;
import io.caseops.testsupport.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * In the demo run every mail the service sends through Spring Mail shows at /dev/mail, escaped. The
 * shared test service runs the sink but sends its own mail to the tests' GreenMail, so this test
 * sends to the sink as the demo run's Spring Mail would.
 */
@CaseOpsTest
class MailSinkTest {

  @LocalServerPort int port;

  @Test
  void theDemoRunSendsItsMailToTheSink() {
    YamlPropertiesFactoryBean demo = new YamlPropertiesFactoryBean();
    demo.setResources(new ClassPathResource("application-demo.yaml"));
    assertThat(demo.getObject())
        .containsEntry("caseops.mail.sink.enabled", true)
        .containsEntry("spring.mail.port", "${caseops.mail.sink.port}");
  }

  @Test
  void sentMailShowsWithRecipientSubjectAndBody() throws Exception {
    JavaMailSenderImpl mailSender = new JavaMailSenderImpl();
    mailSender.setHost("127.0.0.1");
    mailSender.setPort(TestSmtp.SINK_PORT);
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
