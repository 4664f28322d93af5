package io.caseops.entitlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Customer accounts, their add-ons and their support contracts (tables of V1__entitlement.sql). */
@Repository
class AccountRepository {

  record Account(
      String id,
      String name,
      String catalogue,
      String plan,
      String region,
      String language,
      String escalationManager,
      String technicalAccountManager,
      String customerSuccessManager,
      List<String> addOns,
      boolean accountWideVisibility) {}

  record Contract(String productId, LocalDate licenceStart, LocalDate licenceEnd) {
    boolean runsOn(LocalDate day) {
      return !licenceStart.isAfter(day) && (licenceEnd == null || !licenceEnd.isBefore(day));
    }
  }

  private final JdbcTemplate jdbc;

  AccountRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Account> find(String id) {
    List<String> addOns =
        jdbc.queryForList(
            "select add_on from account_add_on where account_id = ? order by add_on",
            String.class,
            id);
    return jdbc
        .query(
            "select id, name, catalogue, plan, region, language, escalation_manager, "
                + "technical_account_manager, customer_success_manager, account_wide_visibility "
                + "from account where id = ?",
            (rs, row) -> account(rs, addOns),
            id)
        .stream()
        .findFirst();
  }

  /** The account's TAM and CSM, in one query (no add-ons read): scoping staff to accounts. */
  Optional<AccountTeams.Team> team(String id) {
    return jdbc
        .query(
            "select technical_account_manager, customer_success_manager from account where id = ?",
            (rs, row) -> new AccountTeams.Team(rs.getString(1), rs.getString(2)),
            id)
        .stream()
        .findFirst();
  }

  /**
   * Locks the account row until commit: two changes that check a limit of the account run one after
   * the other.
   */
  void lock(String id) {
    jdbc.queryForList("select id from account where id = ? for update", String.class, id);
  }

  void setAccountWideVisibility(String id, boolean accountWide) {
    jdbc.update("update account set account_wide_visibility = ? where id = ?", accountWide, id);
  }

  /** Who looks after the account: its TAM and its CSM (null: nobody). */
  void setAccountTeam(String id, String technicalAccountManager, String customerSuccessManager) {
    jdbc.update(
        "update account set technical_account_manager = ?, customer_success_manager = ? "
            + "where id = ?",
        technicalAccountManager,
        customerSuccessManager,
        id);
  }

  /** The account's contracts for a product, the latest first. */
  List<Contract> contracts(String accountId, String productId) {
    return jdbc.query(
        "select product_id, licence_start, licence_end from contract "
            + "where account_id = ? and product_id = ? order by licence_start desc",
        (rs, row) ->
            new Contract(
                rs.getString("product_id"),
                rs.getObject("licence_start", LocalDate.class),
                rs.getObject("licence_end", LocalDate.class)),
        accountId,
        productId);
  }

  private static Account account(ResultSet rs, List<String> addOns) throws SQLException {
    return new Account(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("catalogue"),
        rs.getString("plan"),
        rs.getString("region"),
        rs.getString("language"),
        rs.getString("escalation_manager"),
        rs.getString("technical_account_manager"),
        rs.getString("customer_success_manager"),
        addOns,
        rs.getBoolean("account_wide_visibility"));
  }
}
