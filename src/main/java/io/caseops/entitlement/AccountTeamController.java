package io.caseops.entitlement;

import io.caseops.entitlement.AccountRepository.Account;
import io.caseops.system.StaffAccess;
import io.caseops.system.StaffApiAuthentication;
import io.caseops.system.StaffAudience;
import io.caseops.system.StaffGroups;
import io.caseops.system.web.BadRequestException;
import io.caseops.system.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who looks after an account (SUPPORT-PLANS.md §7): its technical account manager (case reviews,
 * the account's reports) and its customer success manager (business reviews). Managers read it;
 * support managers and administrators set it, each with a staff user of the matching group.
 */
@RestController
@RequestMapping(StaffApiAuthentication.PATH + "/accounts/{accountId}/team")
class AccountTeamController {

  /** An account's team; a null member means nobody. */
  record AccountTeam(
      String accountId, String technicalAccountManager, String customerSuccessManager) {}

  private final AccountRepository accounts;
  private final IdentityService identity;

  AccountTeamController(AccountRepository accounts, IdentityService identity) {
    this.accounts = accounts;
    this.identity = identity;
  }

  @GetMapping
  @StaffAccess(value = StaffAudience.MANAGERS, refusal = "An account's team is for managers.")
  AccountTeam get(@PathVariable String accountId) {
    Account account = account(accountId);
    return new AccountTeam(
        account.id(), account.technicalAccountManager(), account.customerSuccessManager());
  }

  @PutMapping
  @Transactional
  @StaffAccess(
      value = StaffAudience.SUPPORT_MANAGEMENT,
      refusal = "Support managers assign account teams.")
  AccountTeam set(@PathVariable String accountId, @RequestBody AccountTeam team) {
    account(accountId);
    List<BadRequestException.Problem> problems = new ArrayList<>();
    check(
        problems,
        "technicalAccountManager",
        team.technicalAccountManager(),
        StaffGroups.TECHNICAL_ACCOUNT_MANAGERS);
    check(
        problems,
        "customerSuccessManager",
        team.customerSuccessManager(),
        StaffGroups.CUSTOMER_SUCCESS_MANAGERS);
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems);
    }
    accounts.lock(accountId);
    accounts.setAccountTeam(
        accountId, team.technicalAccountManager(), team.customerSuccessManager());
    return new AccountTeam(
        accountId, team.technicalAccountManager(), team.customerSuccessManager());
  }

  private Account account(String accountId) {
    return accounts
        .find(accountId)
        .orElseThrow(() -> new NotFoundException("no account " + accountId));
  }

  private void check(
      List<BadRequestException.Problem> problems, String field, String userId, String group) {
    if (userId == null) {
      return;
    }
    if (identity.createUserQuery().userId(userId).count() == 0) {
      problems.add(new BadRequestException.Problem(field, "no staff user '" + userId + "'"));
    } else if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
      problems.add(
          new BadRequestException.Problem(
              field, "'" + userId + "' is not in the " + group + " group"));
    }
  }
}
