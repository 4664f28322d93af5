package io.caseops.cases;

import io.caseops.testsupport.PostgresTestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The contact API on a real PostgreSQL server (skipped locally when none answers; required in CI). */
@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "demo", "test"})
class ContactApiPostgresTest extends ContactApiScenarios {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }
}
