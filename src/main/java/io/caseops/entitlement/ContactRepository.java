package io.caseops.entitlement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Named contacts, the products they are named for, and their password hashes (tables of V1 and V4).
 */
@Repository
class ContactRepository {

  record NamedContact(
      String email,
      String accountId,
      String displayName,
      String timeZone,
      boolean delegatedAdmin,
      String visibilityScope,
      List<String> products,
      String language,
      boolean passwordChangeRequired) {

    NamedContact withProducts(List<String> named) {
      return new NamedContact(
          email,
          accountId,
          displayName,
          timeZone,
          delegatedAdmin,
          visibilityScope,
          List.copyOf(named),
          language,
          passwordChangeRequired);
    }
  }

  private static final String COLUMNS =
      "c.email, c.account_id, c.display_name, c.time_zone, c.delegated_admin, "
          + "c.visibility_scope, c.language, c.password_change_required, p.product_id";

  private final JdbcTemplate jdbc;

  ContactRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<NamedContact> find(String email) {
    return query("c.email = ?", key(email)).stream().findFirst();
  }

  /** The account's contacts with their products, in one query. */
  List<NamedContact> ofAccount(String accountId) {
    return query("c.account_id = ?", accountId);
  }

  /**
   * The contact's password hash; null for no such contact, and for one invited who has none yet.
   */
  String passwordHash(String email) {
    List<String> hashes =
        jdbc.queryForList(
            "select password_hash from named_contact where email = ?", String.class, key(email));
    return hashes.isEmpty() ? null : hashes.get(0);
  }

  void insert(NamedContact contact, String passwordHash, Instant createdAt) {
    jdbc.update(
        "insert into named_contact (email, account_id, display_name, time_zone, delegated_admin, "
            + "visibility_scope, created_at, password_hash, language, password_change_required)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        contact.email(),
        contact.accountId(),
        contact.displayName(),
        contact.timeZone(),
        contact.delegatedAdmin(),
        contact.visibilityScope(),
        Timestamp.from(createdAt),
        passwordHash,
        contact.language(),
        contact.passwordChangeRequired());
    contact
        .products()
        .forEach(
            product ->
                jdbc.update(
                    "insert into named_contact_product (email, product_id) " + "values (?, ?)",
                    contact.email(),
                    product));
  }

  void delete(String email) {
    jdbc.update("delete from named_contact_product where email = ?", key(email));
    jdbc.update("delete from named_contact where email = ?", key(email));
  }

  void setVisibilityScope(String email, String scope) {
    jdbc.update("update named_contact set visibility_scope = ? where email = ?", scope, key(email));
  }

  /** An administrator again a contact sees their own cases: scope back to "own". */
  void setDelegatedAdmin(String email, boolean delegatedAdmin) {
    jdbc.update(
        "update named_contact set delegated_admin = ?,"
            + " visibility_scope = case when ? then visibility_scope else 'own' end where email = ?",
        delegatedAdmin,
        delegatedAdmin,
        key(email));
  }

  /** The contact's own password: no longer the initial one. */
  void setPasswordHash(String email, String hash) {
    jdbc.update(
        "update named_contact set password_hash = ?, password_change_required = false"
            + " where email = ?",
        hash,
        key(email));
  }

  void setProfile(String email, String displayName, String timeZone, String language) {
    jdbc.update(
        "update named_contact set display_name = ?, time_zone = ?, language = ? where email = ?",
        displayName,
        timeZone,
        language,
        key(email));
  }

  private List<NamedContact> query(String where, Object argument) {
    Map<String, NamedContact> contacts = new LinkedHashMap<>();
    Map<String, List<String>> products = new LinkedHashMap<>();
    jdbc.query(
        "select "
            + COLUMNS
            + " from named_contact c left join named_contact_product p on p.email = c.email "
            + "where "
            + where
            + " order by c.email, p.product_id",
        rs -> {
          String email = rs.getString("email");
          if (!contacts.containsKey(email)) {
            contacts.put(
                email,
                new NamedContact(
                    email,
                    rs.getString("account_id"),
                    rs.getString("display_name"),
                    rs.getString("time_zone"),
                    rs.getBoolean("delegated_admin"),
                    rs.getString("visibility_scope"),
                    List.of(),
                    rs.getString("language"),
                    rs.getBoolean("password_change_required")));
            products.put(email, new ArrayList<>());
          }
          if (rs.getString("product_id") != null) {
            products.get(email).add(rs.getString("product_id"));
          }
        },
        argument);
    return contacts.values().stream()
        .map(contact -> contact.withProducts(products.get(contact.email())))
        .toList();
  }

  private static String key(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
