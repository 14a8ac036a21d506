package dev.openproof.jdbc;

import dev.openproof.core.model.StatusListLayout;
import dev.openproof.core.port.StatusLists;
import dev.openproof.core.testing.StatusListsContract;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;

/** The status lists contract on an in-memory H2 database. */
class H2StatusListsTest extends StatusListsContract {
  private TestDatabase database;

  @Override
  protected StatusLists lists(StatusListLayout layout, RandomGenerator random) {
    database = TestDatabase.h2();
    database.newLedger(); // migrates the schema
    return JdbcStatusLists.create(database.newPool(4), layout, random);
  }

  @AfterEach
  void dropDatabase() {
    if (database != null) {
      database.close();
    }
  }
}
