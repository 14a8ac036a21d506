package dev.openproof.benchmarks.jdbc;

import dev.openproof.core.fulfillment.FulfillmentOutcome;
import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.memory.InMemoryProofLedger;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.port.ProofDelivery;
import dev.openproof.core.model.Order;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.port.ProofSigner;
import dev.openproof.core.testing.FakeSigner;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Orders fulfilled per second by four threads sharing one workflow, each order new (two invoices, a
 * proof signed by a real ES256 key, or by a cheap fake signer with {@code signer=fake}, recorded with
 * its delivery, delivered to a sink, completed): one per {@code fulfill} call, or a hundred per
 * {@code fulfillAll} call (the score counts orders). By the ledger it records in:
 *
 * <ul>
 *   <li>{@code memory}: core's in-memory ledger;
 *   <li>{@code h2}: {@link JdbcProofLedger#h2File} in a temporary directory, as the demo uses it
 *       (every commit written to the file);
 *   <li>{@code h2mem}: the JDBC ledger on an in-memory H2 database, pooled: the ledger's own cost,
 *       without a disk or a network;
 *   <li>{@code postgresql}: the JDBC ledger on a pool of eight connections to the server named by
 *       {@code OPENPROOF_TEST_PG_URL}, {@code _USER}, {@code _PASSWORD} (run under
 *       {@code scripts/with-postgres.sh}), in a new schema per trial.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(4)
public class LedgerFulfillmentBenchmark {
  /** Which ledger the workflow records in. */
  @Param({"memory", "h2", "h2mem", "postgresql"})
  public String ledger;

  /** Who signs: {@code es256}, a generated P-256 key through jwt-proof's signer, or {@code fake}. */
  @Param({"es256"})
  public String signer;

  /** The orders of one {@code fulfillAll} call. */
  public static final int BATCH = 100;

  private final AtomicInteger next = new AtomicInteger();
  private LicenseFulfillment fulfillment;
  private @Nullable JdbcProofLedger h2;
  private @Nullable Path directory;
  private @Nullable JdbcConnectionPool pool;
  private @Nullable String schema;

  /** Builds the ledger and the workflow. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    ProofLedger chosen = switch (ledger) {
      case "memory" -> InMemoryProofLedger.create();
      case "h2" -> {
        directory = Files.createTempDirectory("openproof-bench");
        h2 = JdbcProofLedger.h2File(directory);
        yield h2;
      }
      case "h2mem" -> {
        pool = JdbcConnectionPool.create("jdbc:h2:mem:bench-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "sa", "");
        pool.setMaxConnections(8);
        JdbcProofLedger jdbc = JdbcProofLedger.create(pool);
        jdbc.migrate();
        yield jdbc;
      }
      case "postgresql" -> postgres();
      default -> throw new IllegalArgumentException("no ledger " + ledger);
    };
    Clock clock = Clock.systemUTC();
    ProofDelivery sink = request -> new DeliveryReceipt(request.deliveryId(), request.proof().proofId(),
        request.recipient().email(), "<" + request.deliveryId().value() + "@openproof.bench>", clock.instant());
    ProofSigner proofSigner = switch (signer) {
      case "es256" -> JwsProofSigner.of(SigningKey.generate(JwsAlgorithm.ES256), "https://licensing.openproof.bench");
      case "fake" -> new FakeSigner();
      default -> throw new IllegalArgumentException("no signer " + signer);
    };
    fulfillment = LicenseFulfillment.builder().signer(proofSigner).ledger(chosen).delivery(sink).clock(clock)
        .batchSize(BATCH).build();
  }

  private ProofLedger postgres() throws SQLException {
    String url = System.getenv("OPENPROOF_TEST_PG_URL");
    if (url == null) {
      throw new IllegalStateException("OPENPROOF_TEST_PG_URL is not set: run under scripts/with-postgres.sh");
    }
    String user = System.getenv().getOrDefault("OPENPROOF_TEST_PG_USER", "openproof");
    String password = System.getenv().getOrDefault("OPENPROOF_TEST_PG_PASSWORD", "");
    schema = "bench_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
    execute(url, user, password, "CREATE SCHEMA " + schema);
    PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
    source.setURL(url);
    source.setUser(user);
    source.setPassword(password);
    source.setCurrentSchema(schema);
    pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(8);
    JdbcProofLedger jdbc = JdbcProofLedger.create(pool);
    jdbc.migrate();
    return jdbc;
  }

  /** Closes the database and removes what the trial wrote. */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException, IOException {
    if (h2 != null) {
      h2.close();
    }
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(LedgerFulfillmentBenchmark::delete);
      }
    }
    if (pool != null) {
      pool.dispose();
    }
    if (schema != null) {
      execute(System.getenv("OPENPROOF_TEST_PG_URL"), System.getenv().getOrDefault("OPENPROOF_TEST_PG_USER", "openproof"),
          System.getenv().getOrDefault("OPENPROOF_TEST_PG_PASSWORD", ""), "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  /** Fulfills a new order. */
  @Benchmark
  public FulfillmentResult fulfill() {
    return fulfillment.fulfill(SampleOrders.numbered(next.incrementAndGet()));
  }

  /** Fulfills a hundred new orders in one call. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public List<FulfillmentOutcome> fulfillAll() {
    int first = next.getAndAdd(BATCH) + 1;
    List<Order> orders = IntStream.range(first, first + BATCH).mapToObj(SampleOrders::numbered).toList();
    List<FulfillmentOutcome> outcomes = fulfillment.fulfillAll(orders);
    for (FulfillmentOutcome outcome : outcomes) {
      if (outcome instanceof FulfillmentOutcome.Failed failed) {
        throw new IllegalStateException("order " + failed.orderId() + " failed: " + failed.reasonCode(), failed.failure());
      }
    }
    return outcomes;
  }

  private static void execute(String url, String user, String password, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
