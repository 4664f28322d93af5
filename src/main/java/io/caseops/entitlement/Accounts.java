package io.caseops.entitlement;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads accounts, contracts, products and named contacts (tables of V1__entitlement.sql). */
@Repository
class Accounts {

  record Account(String id, String name, String catalogue, String plan, String region, String language,
                 String escalationManager, String technicalAccountManager, List<String> addOns,
                 boolean accountWideVisibility) {
  }

  record Contract(String productId, LocalDate licenceStart, LocalDate licenceEnd) {
    boolean runsOn(LocalDate day) {
      return !licenceStart.isAfter(day) && (licenceEnd == null || !licenceEnd.isBefore(day));
    }
  }

  record NamedContact(String email, String accountId, String displayName, String timeZone, boolean delegatedAdmin,
                      String visibilityScope, List<String> products) {
  }

  record Product(String id, String catalogue, String name) {
  }

  private final JdbcTemplate jdbc;

  Accounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<NamedContact> contact(String email) {
    String key = email.trim().toLowerCase(Locale.ROOT);
    return jdbc.query("select email, account_id, display_name, time_zone, delegated_admin, visibility_scope "
            + "from named_contact where email = ?",
        (rs, row) -> new NamedContact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getBoolean(5), rs.getString(6),
            jdbc.queryForList("select product_id from named_contact_product where email = ? order by product_id",
                String.class, key)), key).stream().findFirst();
  }

  Optional<Account> account(String id) {
    return jdbc.query("select id, name, catalogue, plan, region, language, escalation_manager, "
            + "technical_account_manager, account_wide_visibility from account where id = ?",
        (rs, row) -> new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), rs.getString(8),
            jdbc.queryForList("select add_on from account_add_on where account_id = ? order by add_on", String.class,
                id), rs.getBoolean(9)), id).stream().findFirst();
  }

  List<Contract> contracts(String accountId, String productId) {
    return jdbc.query("select product_id, licence_start, licence_end from contract "
            + "where account_id = ? and product_id = ? order by licence_start desc",
        (rs, row) -> new Contract(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)),
        accountId, productId);
  }

  Optional<Product> product(String id) {
    return jdbc.query("select id, catalogue, name from product where id = ?",
        (rs, row) -> new Product(rs.getString(1), rs.getString(2), rs.getString(3)), id).stream().findFirst();
  }

  List<NamedContact> contactsOf(String accountId) {
    return jdbc.queryForList("select email from named_contact where account_id = ? order by email", String.class,
        accountId).stream().map(email -> contact(email).orElseThrow()).toList();
  }

  String passwordHash(String email) {
    return jdbc.query("select password_hash from named_contact where email = ?", (rs, row) -> rs.getString(1),
        email.trim().toLowerCase(Locale.ROOT)).stream().findFirst().orElse(null);
  }

  /** Locks the account row until commit, so that two admins adding contacts at once cannot both pass a limit. */
  void lock(String accountId) {
    jdbc.queryForList("select id from account where id = ? for update", String.class, accountId);
  }

  List<Product> products(String catalogue) {
    return jdbc.query("select id, catalogue, name from product where catalogue = ? order by id",
        (rs, row) -> new Product(rs.getString(1), rs.getString(2), rs.getString(3)), catalogue);
  }
}
