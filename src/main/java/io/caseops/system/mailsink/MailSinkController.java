package io.caseops.system.mailsink;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /dev/mail}: the demo mail sink's inbox, as a page for people and as JSON for scripts. */
@RestController
@ConditionalOnProperty(name = "caseops.mail.sink.enabled", havingValue = "true")
class MailSinkController {

  private final MailSink sink;

  MailSinkController(MailSink sink) {
    this.sink = sink;
  }

  @GetMapping(path = "/dev/mail", produces = MediaType.APPLICATION_JSON_VALUE)
  List<MailSink.ReceivedMail> messages() {
    return sink.received();
  }

  @GetMapping(path = "/dev/mail", produces = MediaType.TEXT_HTML_VALUE)
  String page() {
    List<MailSink.ReceivedMail> mails = sink.received();
    StringBuilder html =
        new StringBuilder(
            """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>CaseOps demo mailbox</title>
        <style>body{font-family:sans-serif;margin:2em;max-width:60em}article{border:1px solid #ccc;border-radius:4px;
        padding:0 1em;margin:1em 0}pre{white-space:pre-wrap}dt{font-weight:bold;float:left;width:6em}</style></head>
        <body><h1>CaseOps demo mailbox</h1>
        <p>Every mail the service sent since it started (newest first). Nothing here was delivered to anyone:
        this in-process SMTP sink exists in the demo profile only.</p>
        """);
    html.append("<p>")
        .append(mails.size())
        .append(mails.size() == 1 ? " mail" : " mails")
        .append("</p>\n");
    for (MailSink.ReceivedMail mail : mails) {
      html.append("<article><dl>")
          .append("<dt>Received</dt><dd>")
          .append(DateTimeFormatter.ISO_INSTANT.format(mail.receivedAt()))
          .append("</dd>")
          .append("<dt>From</dt><dd>")
          .append(htmlEscape(mail.from()))
          .append("</dd>")
          .append("<dt>To</dt><dd>")
          .append(htmlEscape(String.join(", ", mail.to())))
          .append("</dd>")
          .append("<dt>Subject</dt><dd>")
          .append(htmlEscape(String.valueOf(mail.subject())))
          .append("</dd>")
          .append("</dl><pre>")
          .append(htmlEscape(mail.text()))
          .append("</pre></article>\n");
    }
    return html.append("</body></html>\n").toString();
  }
}
