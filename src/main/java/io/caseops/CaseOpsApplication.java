package io.caseops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** CaseOps: support cases as Camunda 7 processes. See docs/architecture.md for the map. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseOpsApplication {

  public static void main(String[] args) {
    SpringApplication.run(CaseOpsApplication.class, args);
  }
}
