package io.caseops.entitlement;

import io.caseops.system.Api;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who looks after an account, for the features that scope staff to their accounts. */
@Api
@Component
public class AccountTeams {

  /** An account's technical account manager and customer success manager (null: nobody). */
  public record Team(String technicalAccountManager, String customerSuccessManager) {

    /** Whether {@code userId} is one of them. */
    public boolean includes(String userId) {
      return userId.equals(technicalAccountManager) || userId.equals(customerSuccessManager);
    }
  }

  private final AccountRepository accounts;

  AccountTeams(AccountRepository accounts) {
    this.accounts = accounts;
  }

  public Optional<Team> of(String accountId) {
    return accounts.team(accountId);
  }

  /** Whether the account's TAM is {@code userId}. */
  public boolean managedBy(String accountId, String userId) {
    return of(accountId).map(team -> userId.equals(team.technicalAccountManager())).orElse(false);
  }
}
