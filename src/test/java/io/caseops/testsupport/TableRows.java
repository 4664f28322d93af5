package io.caseops.testsupport;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The number of rows of every table of the database (the engine's and CaseOps' own), on H2 and
 * PostgreSQL: two snapshots that are equal show that what ran in between inserted or deleted
 * nothing.
 */
public final class TableRows {

  private TableRows() {}

  public static Map<String, Long> count(JdbcTemplate jdbc) {
    Map<String, Long> rows = new TreeMap<>();
    for (String table :
        jdbc.queryForList(
            "select table_name from information_schema.tables"
                + " where table_schema = current_schema and table_type = 'BASE TABLE'",
            String.class)) {
      rows.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
    }
    return rows;
  }
}
