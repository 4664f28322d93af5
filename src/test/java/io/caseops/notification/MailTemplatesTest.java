package io.caseops.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mail templates as the outbox gets them: one subject line, whatever the values hold. */
class MailTemplatesTest {

  final MailTemplates templates = new MailTemplates();

  @Test
  void aLineBreakInAValueStaysInTheSubjectAsOneLine() {
    MailTemplates.Rendered mail =
        templates.render(
            "case-received",
            Map.of(
                "caseNumber", "CASE-2026-000123",
                "caseSubject", "Runner offline\r\nBcc: someone@evil.example\nsince noon",
                "contactName", "Ivy"));
    assertThat(mail.subject())
        .isEqualTo(
            "[CASE-2026-000123] We have received your case: Runner offline Bcc:"
                + " someone@evil.example since noon");
    assertThat(mail.text()).startsWith("Hello Ivy,").doesNotContain("Bcc");
    assertThat(mail.html()).doesNotContain("Bcc: someone@evil.example\n");
  }

  @Test
  void aPlainSubjectIsRenderedAsWritten() {
    MailTemplates.Rendered mail =
        templates.render(
            "case-received",
            Map.of(
                "caseNumber", "CASE-2026-000124", "caseSubject", "Bot stuck", "product", "A360"));
    assertThat(mail.subject())
        .isEqualTo("[CASE-2026-000124] We have received your case: Bot stuck");
    assertThat(mail.text()).contains("about A360.").endsWith("CaseOps Support\n");
  }
}
