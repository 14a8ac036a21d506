package dev.openproof.jdbc;

import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.testing.AfterSaleLedgerContract;
import org.junit.jupiter.api.AfterEach;

/** The after-sale ledger contract on PostgreSQL, each test in a schema of its own. */
class PostgresAfterSaleLedgerTest extends AfterSaleLedgerContract {
  private TestDatabase database;

  @Override
  protected ProofLedger newLedger() {
    database = TestDatabase.postgres();
    return database.newLedger();
  }

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }
}
