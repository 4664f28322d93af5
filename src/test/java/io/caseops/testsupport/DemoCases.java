package io.caseops.testsupport;

import io.caseops.cases.CaseIntake;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationContext;

/** Opens a real case in a running service, as a demo contact would. */
public final class DemoCases {

  /** The case number and its process instance. */
  public record Opened(String caseNumber, String processInstanceId) {}

  private DemoCases() {}

  public static Opened submit(ApplicationContext service) {
    String number =
        service
            .getBean(CaseIntake.class)
            .submit(
                new CaseIntake.Submission(
                    "ana.lima@northwind.example",
                    "adobe-experience-manager",
                    "Author instance slow",
                    "Publishing takes minutes since this morning.",
                    new CaseIntake.SeverityAnswers(
                        true, true, true, "several", "minor", "incident"),
                    null,
                    null,
                    null,
                    List.of(),
                    null))
            .caseNumber();
    String instance =
        service
            .getBean(RuntimeService.class)
            .createProcessInstanceQuery()
            .processDefinitionKey(CaseIntake.PROCESS)
            .processInstanceBusinessKey(number)
            .singleResult()
            .getId();
    return new Opened(number, instance);
  }
}
