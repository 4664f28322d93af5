package io.caseops.entitlement;

import io.caseops.system.EngineClock;
import io.caseops.system.StaffAccess;
import io.caseops.system.StaffApiAuthentication;
import io.caseops.system.StaffApiAuthentication.StaffUser;
import io.caseops.system.StaffAudience;
import io.caseops.system.StaffGroups;
import io.caseops.system.web.DateRange;
import io.caseops.system.web.ForbiddenException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff record the hours of time-boxed premium services given to an account, and see what remains
 * of each allowance. Reading is open to every staff member; recording to TAMs and support managers.
 */
@RestController
@RequestMapping(StaffApiAuthentication.PATH + "/accounts/{accountId}/service-usage")
class ServiceUsageController {

  record UsageRequest(String benefit, LocalDate usedOn, BigDecimal hours, String note) {}

  static final String REFUSAL =
      "Only technical account managers and support managers read and record service hours.";

  private final ServiceAllowanceLedger ledger;
  private final EngineClock clock;
  private final AccountTeams teams;

  ServiceUsageController(ServiceAllowanceLedger ledger, EngineClock clock, AccountTeams teams) {
    this.ledger = ledger;
    this.clock = clock;
    this.teams = teams;
  }

  /** A technical account manager reaches the accounts they look after; support managers all. */
  private void reach(StaffUser staff, String accountId) {
    AccountTeams.Team team =
        teams.of(accountId).orElseThrow(() -> ServiceAllowanceLedger.unknownAccount(accountId));
    if (!staff.inAny(StaffGroups.SUPPORT_MANAGERS)
        && !staff.id().equals(team.technicalAccountManager())) {
      throw new ForbiddenException(
          "The service hours of "
              + accountId
              + " are for its technical account manager and support managers.");
    }
  }

  @GetMapping
  @StaffAccess(value = StaffAudience.ACCOUNT_FIGURES, refusal = REFUSAL)
  List<ServiceAllowanceLedger.Balance> balances(
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff,
      @PathVariable String accountId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    reach(staff, accountId);
    return ledger.balances(
        accountId, on == null ? LocalDate.now(clock) : DateRange.check("on", on));
  }

  @PostMapping
  @StaffAccess(value = StaffAudience.ACCOUNT_FIGURES, refusal = REFUSAL)
  ResponseEntity<ServiceAllowanceLedger.Recorded> record(
      @PathVariable String accountId,
      @RequestBody UsageRequest request,
      @RequestAttribute(StaffUser.ATTRIBUTE) StaffUser staff) {
    reach(staff, accountId);
    ServiceAllowanceLedger.Recorded recorded =
        ledger.record(
            accountId,
            request.benefit(),
            request.usedOn(),
            request.hours(),
            request.note(),
            staff.id());
    return ResponseEntity.created(
            URI.create(
                StaffApiAuthentication.PATH
                    + "/accounts/"
                    + accountId
                    + "/service-usage/"
                    + recorded.usage().id()))
        .body(recorded);
  }
}
