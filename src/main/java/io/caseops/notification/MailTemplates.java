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

  /**
   * The template's first line is the subject, rendered on its own: a value with a line break (a
   * case's subject as a script sent it) stays within the subject, as one line, and never spills
   * into the body.
   */
  public Rendered render(String event, Map<String, ?> model) {
    Template subjectLine =
        cache.computeIfAbsent(event + "#subject", name -> text.compile(part(event, true)));
    Template bodyPart = cache.computeIfAbsent(event, name -> text.compile(part(event, false)));
    String subject =
        subjectLine
            .execute(model)
            .substring("Subject:".length())
            .replaceAll("[\\r\\n\\u2028\\u2029]+", " ")
            .strip();
    String body = bodyPart.execute(model).strip() + "\n";
    Template layout =
        cache.computeIfAbsent(
            "layout.html", name -> html.compile(read("mail/layout.html.mustache")));
    return new Rendered(
        subject, body, layout.execute(Map.of("subject", subject, "paragraphs", paragraphs(body))));
  }

  /** The template's subject line, or what follows it. */
  private static String part(String event, boolean subject) {
    String template = read("mail/" + event + ".mustache");
    if (!template.startsWith("Subject:")) {
      throw new IllegalStateException("mail/" + event + ".mustache must start with 'Subject: '");
    }
    int split = template.indexOf('\n');
    if (subject) {
      return split < 0 ? template : template.substring(0, split);
    }
    return split < 0 ? "" : template.substring(split + 1);
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
