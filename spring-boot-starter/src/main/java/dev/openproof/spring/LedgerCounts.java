package dev.openproof.spring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Counts read from the JDBC ledger's tables (the schema that {@code JdbcProofLedger} publishes):
 * deliveries by status, and how full each status list is. Each reading is kept for a few seconds,
 * so that a scrape of the metrics costs the database little. Thread-safe.
 *
 * @since 0.1.0
 */
public final class LedgerCounts {
  private static final String BY_STATUS = "SELECT status, COUNT(*) FROM openproof_delivery GROUP BY status";
  private static final String FILL = "SELECT l.list_uri, l.capacity, COUNT(e.idx) FROM openproof_status_list l"
      + " LEFT JOIN openproof_status_entry e ON e.list_uri = l.list_uri GROUP BY l.list_uri, l.capacity";

  private final DataSource dataSource;
  private final Duration keep;
  private final Clock clock;
  private @Nullable Reading last;

  /** One reading. */
  private record Reading(Map<String, Long> deliveries, Map<String, Double> fill, Instant at) {}

  /**
   * Creates the counts.
   *
   * @param dataSource the ledger's database
   * @param keep how long one reading is used
   * @param clock the clock of that
   */
  public LedgerCounts(DataSource dataSource, Duration keep, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.keep = Objects.requireNonNull(keep, "keep");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * How many deliveries are in a status.
   *
   * @param status {@code PENDING}, {@code DELIVERED} or {@code FAILED}
   * @return the count
   */
  public long deliveries(String status) {
    return read().deliveries().getOrDefault(status, 0L);
  }

  /**
   * How full each status list is: places given out over capacity, by list URI.
   *
   * @return the fractions, from 0 to 1
   */
  public Map<String, Double> statusListFill() {
    return read().fill();
  }

  /**
   * How full each status list is, read from the ledger now rather than from the reading kept.
   *
   * @return the fractions, from 0 to 1, by list URI
   */
  Map<String, Double> statusListFillNow() {
    try (Connection c = dataSource.getConnection()) {
      return fill(c);
    } catch (SQLException e) {
      throw new IllegalStateException("the ledger's counts cannot be read: " + e.getMessage(), e);
    }
  }

  private static Map<String, Double> fill(Connection c) throws SQLException {
    Map<String, Double> fill = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement(FILL); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        int capacity = rs.getInt(2);
        fill.put(rs.getString(1), capacity <= 0 ? 0.0 : rs.getLong(3) / (double) capacity);
      }
    }
    return Map.copyOf(fill);
  }

  private synchronized Reading read() {
    Instant now = clock.instant();
    Reading r = last;
    if (r != null && now.isBefore(r.at().plus(keep))) {
      return r;
    }
    Map<String, Long> deliveries = new LinkedHashMap<>();
    Map<String, Double> fill;
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement s = c.prepareStatement(BY_STATUS); ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          deliveries.put(rs.getString(1), rs.getLong(2));
        }
      }
      fill = fill(c);
    } catch (SQLException e) {
      throw new IllegalStateException("the ledger's counts cannot be read: " + e.getMessage(), e);
    }
    Reading fresh = new Reading(Map.copyOf(deliveries), fill, now);
    last = fresh;
    return fresh;
  }
}
