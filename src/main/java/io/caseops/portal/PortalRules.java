package io.caseops.portal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The services' rules in the page's language. The services name their rules in English, for the
 * API; the portal says the common ones in the contact's language from the message bundles (the
 * rule's figure, if any, as the text's {0}), and shows any other as the service wrote it, which
 * still names the rule.
 */
@Component
class PortalRules {

  /** A rule as the services word it, and its key in portal/messages*.properties. */
  private static final Map<Pattern, String> SAID = new LinkedHashMap<>();

  static {
    SAID.put(Pattern.compile("is required\\b.*"), "portal.rule.required");
    SAID.put(Pattern.compile("must be at most (\\d+) characters.*"), "portal.rule.tooLong");
    SAID.put(Pattern.compile("must be yes or no"), "portal.rule.yesNo");
    SAID.put(Pattern.compile("is not your current password"), "portal.rule.notCurrentPassword");
    SAID.put(
        Pattern.compile("must be at least (\\d+) characters and at most .*"),
        "portal.rule.passwordLength");
    SAID.put(Pattern.compile("must differ from the current password"), "portal.rule.passwordSame");
    SAID.put(Pattern.compile("must repeat the new password"), "portal.rule.passwordAgain");
    SAID.put(Pattern.compile("must be an IANA time zone.*"), "portal.rule.timeZone");
  }

  private final MessageSource messages;

  PortalRules(MessageSource messages) {
    this.messages = messages;
  }

  String say(String rule, Locale locale) {
    if (rule == null) {
      return "";
    }
    for (Map.Entry<Pattern, String> said : SAID.entrySet()) {
      Matcher matcher = said.getKey().matcher(rule);
      if (matcher.matches()) {
        Object[] figure =
            matcher.groupCount() == 0 ? null : new Object[] {Integer.valueOf(matcher.group(1))};
        return messages.getMessage(said.getValue(), figure, locale);
      }
    }
    return rule;
  }
}
