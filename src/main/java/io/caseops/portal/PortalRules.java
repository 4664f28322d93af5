package io.caseops.portal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The services' rules in the page's language. The services name their rules in English, for the
 * API; the portal says the common ones (required, too long, one of a list) in the contact's
 * language from the message bundles, and shows any other as the service wrote it, which still names
 * the rule.
 */
@Component
class PortalRules {

  private static final Pattern REQUIRED = Pattern.compile("is required\\b.*");
  private static final Pattern TOO_LONG = Pattern.compile("must be at most (\\d+) characters.*");
  private static final Pattern YES_NO = Pattern.compile("must be yes or no");

  private final MessageSource messages;

  PortalRules(MessageSource messages) {
    this.messages = messages;
  }

  String say(String rule, Locale locale) {
    if (rule == null) {
      return "";
    }
    if (REQUIRED.matcher(rule).matches()) {
      return messages.getMessage("portal.rule.required", null, locale);
    }
    Matcher tooLong = TOO_LONG.matcher(rule);
    if (tooLong.matches()) {
      return messages.getMessage(
          "portal.rule.tooLong", new Object[] {Integer.valueOf(tooLong.group(1))}, locale);
    }
    if (YES_NO.matcher(rule).matches()) {
      return messages.getMessage("portal.rule.yesNo", null, locale);
    }
    return rule;
  }
}
