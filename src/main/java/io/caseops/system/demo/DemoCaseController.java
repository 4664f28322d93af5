package io.caseops.system.demo;

import io.caseops.cases.CaseService;
import io.caseops.cases.ReopenWindowClosedException;
import io.caseops.system.web.UnprocessableException;
import java.net.URI;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo profile only, no login: acts as any named contact through {@link CaseService}, so the tour can open and move
 * cases before the contact API exists. Never active outside the demo profile.
 */
@RestController
@Profile("demo")
@RequestMapping("/dev/cases")
class DemoCaseController {

  record ContactAction(String contact, String text) {
  }

  private final CaseService cases;

  DemoCaseController(CaseService cases) {
    this.cases = cases;
  }

  @PostMapping
  ResponseEntity<CaseService.Submitted> submit(@RequestBody CaseService.Submission submission) {
    CaseService.Submitted submitted = cases.submit(submission);
    return ResponseEntity.created(URI.create("/dev/cases/" + submitted.caseNumber())).body(submitted);
  }

  @PostMapping("/{caseNumber}/replies")
  ResponseEntity<Void> reply(@PathVariable String caseNumber, @RequestBody ContactAction action) {
    cases.reply(caseNumber, action.contact(), action.text());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{caseNumber}/confirmation")
  ResponseEntity<Void> confirm(@PathVariable String caseNumber, @RequestBody ContactAction action) {
    cases.confirmResolution(caseNumber, action.contact());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{caseNumber}/reopen")
  ResponseEntity<Void> reopen(@PathVariable String caseNumber, @RequestBody ContactAction action) {
    try {
      cases.reopen(caseNumber, action.contact(), action.text());
    } catch (ReopenWindowClosedException closed) {
      throw new UnprocessableException("caseNumber", closed.getMessage());
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{caseNumber}/root-cause-analysis")
  ResponseEntity<Void> rootCauseAnalysis(@PathVariable String caseNumber, @RequestBody ContactAction action) {
    cases.requestRootCauseAnalysis(caseNumber, action.contact());
    return ResponseEntity.noContent().build();
  }
}
