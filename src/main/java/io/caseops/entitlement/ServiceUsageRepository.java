package io.caseops.entitlement;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Recorded uses of time-boxed services ({@code service_usage}, V2__service_usage.sql). */
@Repository
class ServiceUsageRepository {

  /** What is recorded of a benefit in a period: hours and sessions. */
  record Used(BigDecimal hours, int sessions) {}

  private final JdbcTemplate jdbc;

  ServiceUsageRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a use; returns its id. */
  long insert(
      String accountId,
      String benefit,
      LocalDate usedOn,
      BigDecimal hours,
      String note,
      String recordedBy,
      Instant recordedAt) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          PreparedStatement insert =
              connection.prepareStatement(
                  "insert into service_usage "
                      + "(account_id, benefit, used_on, hours, note, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?)",
                  new String[] {"id"});
          insert.setString(1, accountId);
          insert.setString(2, benefit);
          insert.setObject(3, usedOn);
          insert.setBigDecimal(4, hours);
          insert.setString(5, note);
          insert.setString(6, recordedBy);
          insert.setTimestamp(7, Timestamp.from(recordedAt));
          return insert;
        },
        key);
    return key.getKey().longValue();
  }

  /**
   * The hours and sessions of a benefit used on days from {@code first} to {@code last}, both
   * included.
   */
  Used used(String accountId, String benefit, LocalDate first, LocalDate last) {
    return jdbc.queryForObject(
        "select coalesce(sum(hours), 0) as used, count(*) as sessions from service_usage "
            + "where account_id = ? and benefit = ? and used_on >= ? and used_on <= ?",
        (rs, row) -> new Used(rs.getBigDecimal("used").stripTrailingZeros(), rs.getInt("sessions")),
        accountId,
        benefit,
        first,
        last);
  }
}
