package io.caseops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
                if (text.toString().contains("{0}")) {
                  assertThat(lone.matcher(text.toString()).find()).as(name + " " + key).isFalse();
                }
              });
    }
  }
}
