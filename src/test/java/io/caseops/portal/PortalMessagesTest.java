package io.caseops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The portal's two message bundles: the same keys, and apostrophes MessageFormat keeps. */
class PortalMessagesTest {

  static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (var in = PortalMessagesTest.class.getResourceAsStream("/portal/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void englishAndFrenchHaveTheSameKeys() throws IOException {
    assertThat(bundle("messages_fr.properties").keySet())
        .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").keySet());
  }

  /** In a text with an argument, MessageFormat drops a lone apostrophe: it must be doubled. */
  @Test
  void textsWithArgumentsDoubleTheirApostrophes() throws IOException {
    Pattern lone = Pattern.compile("(?<!')'(?!')");
    for (String name : new String[] {"messages.properties", "messages_fr.properties"}) {
      bundle(name)
          .forEach(
              (key, text) -> {
                if (text.toString().contains("{0")) {
                  assertThat(lone.matcher(text.toString()).find()).as(name + " " + key).isFalse();
                }
              });
    }
  }

  /** Without an argument a text is shown as written: a doubled apostrophe would show twice. */
  @Test
  void textsWithoutArgumentsKeepSingleApostrophes() throws IOException {
    for (String name : new String[] {"messages.properties", "messages_fr.properties"}) {
      bundle(name)
          .forEach(
              (key, text) -> {
                if (!text.toString().contains("{0")) {
                  assertThat(text.toString()).as(name + " " + key).doesNotContain("''");
                }
              });
    }
  }

  @Test
  void theLockMessageCountsSecondsInEachLanguage() throws IOException {
    String english = bundle("messages.properties").getProperty("portal.signIn.locked");
    assertThat(new MessageFormat(english, Locale.ENGLISH).format(new Object[] {1L}))
        .endsWith("in 1 second.");
    assertThat(new MessageFormat(english, Locale.ENGLISH).format(new Object[] {119L}))
        .endsWith("in 119 seconds.");
    String minutes = bundle("messages.properties").getProperty("portal.signIn.lockedMinutes");
    assertThat(new MessageFormat(minutes, Locale.ENGLISH).format(new Object[] {1500L}))
        .endsWith("in 1500 minutes.");
    String french = bundle("messages_fr.properties").getProperty("portal.signIn.locked");
    assertThat(new MessageFormat(french, Locale.FRENCH).format(new Object[] {1L}))
        .startsWith("Trop d'échecs")
        .endsWith("dans 1 seconde.");
    assertThat(new MessageFormat(french, Locale.FRENCH).format(new Object[] {1045L}))
        .endsWith("dans 1045 secondes.");
  }
}
