package io.caseops.testsupport;

import io.caseops.sla.CoverageProperties;
import io.caseops.sla.CoverageRegions;
import io.caseops.sla.FollowTheSun;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The configuration as shipped in application.yaml, bound without starting Spring: pure tests use
 * the real defaults.
 */
public final class ShippedConfiguration {

  private ShippedConfiguration() {}

  public static CoverageRegions coverageRegions() {
    return new CoverageRegions(bind("caseops.coverage", CoverageProperties.class));
  }

  public static FollowTheSun followTheSun() {
    CoverageProperties properties = bind("caseops.coverage", CoverageProperties.class);
    return new FollowTheSun(new CoverageRegions(properties), properties);
  }

  private static <T> T bind(String prefix, Class<T> type) {
    try {
      StandardEnvironment environment = new StandardEnvironment();
      new YamlPropertySourceLoader()
          .load("application.yaml", new ClassPathResource("application.yaml"))
          .forEach(source -> environment.getPropertySources().addLast(source));
      return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate(prefix, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
