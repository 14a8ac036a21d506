package dev.openproof.spring;

/**
 * The {@code openproof.ledger.*} properties: the {@code JdbcProofLedger} on the application's
 * {@code DataSource}.
 *
 * @since 0.1.0
 */
public class LedgerProperties {
  /** Whether the starter applies the ledger's schema at start-up; it never does where the application runs Flyway. */
  private boolean migrate = true;

  /** Creates the properties with their defaults. */
  public LedgerProperties() {}

  /** @return whether the schema is applied at start-up */
  public boolean isMigrate() {
    return migrate;
  }

  /** @param migrate whether the schema is applied at start-up */
  public void setMigrate(boolean migrate) {
    this.migrate = migrate;
  }
}
