package io.caseops.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link CaseOpsTest} on this run's PostgreSQL database ({@link PostgresTestDatabase}): the whole
 * service on a random port, with the demo data. Skipped locally when no server answers; in CI an
 * unreachable server fails the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({TestSmtp.class, SharedServiceReset.class})
@ExtendWith(PostgresTestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)
@ActiveProfiles({"postgres", "demo", "test"})
@AutoConfigureObservability(tracing = false)
public @interface CaseOpsPostgresTest {}
