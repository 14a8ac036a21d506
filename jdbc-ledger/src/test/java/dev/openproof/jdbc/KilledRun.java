package dev.openproof.jdbc;

import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.testing.FakeSigner;
import dev.openproof.core.testing.SampleOrders;
import java.nio.file.Path;

/**
 * A run of the workflow on an H2 file ledger whose process is killed, at once and without any
 * cleanup, when the first proof is about to be sent (by {@code fulfill}, or by {@code fulfillAll} given a
 * second argument {@code batch}); it prints the delivery id and the token first.
 * Started as a separate JVM by {@link H2FileLedgerTest}.
 */
final class KilledRun {
  static final int KILLED = 77;

  private KilledRun() {}

  public static void main(String[] args) {
    JdbcProofLedger ledger = JdbcProofLedger.h2File(Path.of(args[0]));
    LicenseFulfillment fulfillment = LicenseFulfillment.builder().signer(new FakeSigner()).ledger(ledger)
        .delivery(request -> {
          System.out.println(request.deliveryId().value() + " " + request.signedProof().token());
          System.out.flush();
          Runtime.getRuntime().halt(KILLED);
          throw new AssertionError("halted");
        })
        .build();
    if (args.length > 1 && args[1].equals("batch")) {
      fulfillment.fulfillAll(java.util.List.of(SampleOrders.russian()));
    } else {
      fulfillment.fulfill(SampleOrders.russian());
    }
  }
}
