package dev.openproof.jdbc;

import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.testing.ProofLedgerContract;
import org.junit.jupiter.api.AfterEach;

/** The ledger contract on PostgreSQL, each test in a schema of its own. */
class PostgresProofLedgerTest extends ProofLedgerContract {
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
