package io.caseops.testsupport;

import io.caseops.CaseOpsApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole service in this JVM the way {@code java -jar} does (same main class, profiles
 * and properties), for tests that must stop and start it again or that expect start-up to fail.
 */
public final class CaseOpsRun {

  private final List<String> profiles = new ArrayList<>(List.of("test"));
  private final Map<String, Object> properties = new LinkedHashMap<>(Map.of("server.port", "0"));

  public static CaseOpsRun withProfiles(String... profiles) {
    CaseOpsRun run = new CaseOpsRun();
    run.profiles.addAll(0, List.of(profiles));
    return run;
  }

  public CaseOpsRun property(String key, Object value) {
    properties.put(key, value);
    return this;
  }

  public CaseOpsRun onPostgres() {
    return property("spring.datasource.url", PostgresTestDatabase.url())
        .property("spring.datasource.username", PostgresTestDatabase.user())
        .property("spring.datasource.password", PostgresTestDatabase.password());
  }

  /**
   * Properties go in as command-line arguments, which outrank the application*.yaml files, as they
   * do for the jar.
   */
  public ConfigurableApplicationContext start() {
    String[] args =
        properties.entrySet().stream()
            .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(CaseOpsApplication.class)
        .profiles(profiles.toArray(String[]::new))
        .run(args);
  }
}
