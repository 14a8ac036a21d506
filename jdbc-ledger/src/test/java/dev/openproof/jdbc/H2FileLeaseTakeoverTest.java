package dev.openproof.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.exchange.OrderClaim;
import dev.openproof.core.testing.SampleOrders;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 file is one process's: a lease found in it when it opens is a dead process's, taken over at once. */
class H2FileLeaseTakeoverTest {
  @TempDir
  Path dir;

  @Test
  void aRerunAfterAKilledRunTakesTheOrderAtOnce() {
    Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    var order = SampleOrders.russian().orderId();
    try (JdbcProofLedger killed = JdbcProofLedger.h2File(dir)) {
      assertThat(killed.claimOrder(order, "killed-run#1", t0, Duration.ofMinutes(5))).isEqualTo(OrderClaim.ACQUIRED);
      // the process dies here: no release
    }
    try (JdbcProofLedger rerun = JdbcProofLedger.h2File(dir)) {
      assertThat(rerun.claimOrder(order, "rerun#1", t0.plusSeconds(1), Duration.ofMinutes(5))).isEqualTo(OrderClaim.ACQUIRED);
      assertThat(rerun.reserveProofId(order, dev.openproof.core.model.ProofId.of("p-1")).value()).isEqualTo("p-1");
    }
  }
}
