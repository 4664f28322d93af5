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
                submission(
                    "ana.lima@northwind.example",
                    "adobe-experience-manager",
                    "Author instance slow",
                    "Publishing takes minutes since this morning.",
                    new CaseIntake.SeverityAnswers(
                        true, true, true, "several", "minor", "incident"),
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

  /** A submission with what a contact must give, and a region; no proposed severity or CC. */
  public static CaseIntake.Submission submission(
      String contact,
      String product,
      String subject,
      String description,
      CaseIntake.SeverityAnswers answers,
      String region) {
    return new CaseIntake.Submission(
        contact, product, subject, description, answers, null, region, null, List.of(), null);
  }
}
