package dev.openproof.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.StatusReference;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Token Status List places kept in the database, on H2 and PostgreSQL, beyond the contract ({@link
 * H2StatusListsTest}, {@link PostgresStatusListsTest}): kept across instances, and never shared by
 * instances allocating at once.
 */
class JdbcStatusListsTest {
  private static final String BASE = "https://licensing.example.test/status";

  private static JdbcStatusLists lists(DataSource pool, int capacity, long seed) {
    return JdbcStatusLists.create(pool, BASE, capacity, new Random(seed));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void placesAreKeptAndNeverReusedAndAFullListStartsTheNext(TestDatabase.Kind kind) {
    try (TestDatabase database = TestDatabase.of(kind)) {
      database.newLedger();
      DataSource pool = database.newPool(2);
      JdbcStatusLists lists = lists(pool, 8, 1);
      Set<Long> indexes = new HashSet<>();
      for (int i = 0; i < 8; i++) {
        StatusReference ref = lists.allocate(ProofId.of("p" + i));
        assertThat(ref.uri()).isEqualTo(BASE + "/1");
        indexes.add(ref.index());
      }
      assertThat(indexes).hasSize(8).allMatch(i -> i >= 0 && i < 8);
      assertThat(lists.allocate(ProofId.of("p8")).uri()).isEqualTo(BASE + "/2");
      assertThat(lists.allocate(ProofId.of("p3"))).isEqualTo(lists.find(ProofId.of("p3")).orElseThrow());
      JdbcStatusLists again = lists(database.newPool(1), 8, 2);
      assertThat(again.lists()).containsExactly(BASE + "/1", BASE + "/2");
      assertThat(again.find(ProofId.of("p8"))).contains(lists.find(ProofId.of("p8")).orElseThrow());
    }
  }

  /** How one instance allocates its twelve proofs, from proof {@code p<first>} on. */
  private interface Allocation {
    List<StatusReference> twelve(JdbcStatusLists lists, int first);
  }

  /** Four instances allocate twelve proofs each at once: 48 places, none shared, in three lists of 16. */
  private static void fourInstancesAtOnce(TestDatabase.Kind kind, Allocation allocation) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try (TestDatabase database = TestDatabase.of(kind)) {
      database.newLedger();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<StatusReference>>> results = new ArrayList<>();
      for (int instance = 0; instance < 4; instance++) {
        JdbcStatusLists lists = lists(database.newPool(1), 16, instance);
        int first = instance * 12;
        results.add(threads.submit(() -> {
          start.await();
          return allocation.twelve(lists, first);
        }));
      }
      start.countDown();
      Set<StatusReference> all = new HashSet<>();
      for (Future<List<StatusReference>> result : results) {
        all.addAll(result.get());
      }
      assertThat(all).hasSize(48);
      assertThat(all).extracting(StatusReference::uri).containsOnly(BASE + "/1", BASE + "/2", BASE + "/3");
      JdbcStatusLists again = lists(database.newPool(1), 16, 9);
      assertThat(again.allocate(ProofId.of("last")).uri()).isEqualTo(BASE + "/4");
    } finally {
      threads.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void instancesAllocatingAtOnceNeverShareAnIndex(TestDatabase.Kind kind) throws Exception {
    fourInstancesAtOnce(kind, (lists, first) -> {
      List<StatusReference> refs = new ArrayList<>();
      for (int i = first; i < first + 12; i++) {
        refs.add(lists.allocate(ProofId.of("p" + i)));
      }
      return refs;
    });
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.Kind.class)
  void instancesAllocatingBatchesAtOnceNeverShareAnIndex(TestDatabase.Kind kind) throws Exception {
    fourInstancesAtOnce(kind, (lists, first) -> {
      List<StatusReference> refs = new ArrayList<>();
      for (int part = first; part < first + 12; part += 4) {
        List<ProofId> ids = new ArrayList<>();
        for (int i = part; i < part + 4; i++) {
          ids.add(ProofId.of("p" + i));
        }
        refs.addAll(lists.allocateAll(ids));
      }
      return refs;
    });
  }
}
