package io.caseops.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole service on a random port, on an in-memory H2 database of its own, with the demo data.
 * Test classes with this annotation and no other configuration share one running service (Spring's
 * test context cache).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith({TestSmtp.class, SharedServiceReset.class})
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:caseops-${random.uuid};DB_CLOSE_DELAY=-1",
      // The demo mail sink listens, for MailSinkTest; the service's mail goes to TestSmtp.
      "caseops.mail.sink.enabled=true",
      "caseops.mail.sink.port=${caseops.test.sink-port}"
    })
@ActiveProfiles({"demo", "test"})
@AutoConfigureObservability(tracing = false)
public @interface CaseOpsTest {}
