package io.caseops.notification;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the mail templates in {@code src/main/resources/mail}: {@code <event>.mustache}, whose
 * first line is {@code Subject: ...}, then a blank line, then the plain-text body. The HTML part is
 * the same text, HTML-escaped, in {@code layout.html.mustache}: whatever a customer or engineer
 * wrote reaches the HTML part as text, never as markup.
 */
@Component
class MailTemplates {

  /** A rendered mail: subject, plain-text part and HTML part. */
  public record Rendered(String subject, String text, String html) {}

  private final Mustache.Compiler text = Mustache.compiler().escapeHTML(false).defaultValue("");
  private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).defaultValue("");
  private final Map<String, Template> cache = new ConcurrentHashMap<>();

  public Rendered render(String event, Map<String, ?> model) {
    String rendered =
        cache
            .computeIfAbsent(event, name -> text.compile(read("mail/" + name + ".mustache")))
            .execute(model);
    int split = rendered.indexOf('\n');
    String subjectLine = split < 0 ? rendered : rendered.substring(0, split);
    if (!subjectLine.startsWith("Subject:")) {
      throw new IllegalStateException("mail/" + event + ".mustache must start with 'Subject: '");
    }
    String subject =
        subjectLine.substring("Subject:".length()).strip().replaceAll("[\\r\\n]+", " ");
    String body = split < 0 ? "" : rendered.substring(split + 1).strip() + "\n";
    Template layout =
        cache.computeIfAbsent(
            "layout.html", name -> html.compile(read("mail/layout.html.mustache")));
    return new Rendered(
        subject, body, layout.execute(Map.of("subject", subject, "paragraphs", paragraphs(body))));
  }

  /**
   * The text's paragraphs, each HTML-escaped with its line breaks kept ({@code {{{.}}}} in the
   * layout).
   */
  private static List<String> paragraphs(String body) {
    return List.of(body.strip().split("\\n\\s*\\n")).stream()
        .map(paragraph -> HtmlUtils.htmlEscape(paragraph).replace("\n", "<br>\n"))
        .toList();
  }

  private static String read(String path) {
    try {
      return StreamUtils.copyToString(
          new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the mail template " + path, e);
    }
  }
}
