package io.caseops.entitlement;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The products each catalogue supports (the {@code product} table). */
@Repository
class Products {

  record Product(String id, String catalogue, String name) {}

  private final JdbcTemplate jdbc;

  Products(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<String> idsOf(String catalogue) {
    return ofCatalogue(catalogue).stream().map(Product::id).toList();
  }

  Optional<Product> find(String id) {
    return jdbc
        .query("select id, catalogue, name from product where id = ?", (rs, row) -> product(rs), id)
        .stream()
        .findFirst();
  }

  List<Product> ofCatalogue(String catalogue) {
    return jdbc.query(
        "select id, catalogue, name from product where catalogue = ? order by id",
        (rs, row) -> product(rs),
        catalogue);
  }

  private static Product product(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Product(rs.getString("id"), rs.getString("catalogue"), rs.getString("name"));
  }
}
