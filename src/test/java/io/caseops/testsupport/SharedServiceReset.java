package io.caseops.testsupport;

import io.caseops.system.LoginThrottle;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What one test of the shared service must not leave to the next: failed-login counts and waits,
 * and a moved engine clock. Runs before each test of every whole-application class (CaseOpsTest,
 * CaseOpsPostgresTest), before the class's own set-up.
 */
public final class SharedServiceReset implements BeforeEachCallback {

  @Override
  public void beforeEach(ExtensionContext context) {
    ClockUtil.reset();
    SpringExtension.getApplicationContext(context).getBean(LoginThrottle.class).clear();
  }
}
