package dev.openproof.benchmarks.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time per order, a measure that a loaded machine disturbs less than throughput: fulfills a fixed
 * number of orders through {@link LedgerFulfillmentBenchmark}'s workflow, by four threads, and prints
 * per order the CPU time of this JVM, of its four working threads alone (without the compiler's and the
 * collector's), of the PostgreSQL server's processes (all processes named
 * {@code postgres} on this machine, read from {@code /proc}), the wall time, and on PostgreSQL the
 * WAL bytes written.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.openproof.benchmarks.jdbc.LedgerCpu [es256|fake] [orders] [ledger ...]</pre>
 */
public final class LedgerCpu {
  private static final int THREADS = 4;
  private static final double CLOCK_TICK_MICROS = 10_000; // USER_HZ is 100 on Linux

  private LedgerCpu() {}

  /**
   * Runs the measure.
   *
   * @param args the signer ({@code fake} when none is given), the orders per method (4,000), then the ledgers
   *     (h2 and postgresql when none are named)
   * @throws Exception if the workflow or the database fails
   */
  public static void main(String[] args) throws Exception {
    String signer = args.length > 0 ? args[0] : "fake";
    int orders = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
    List<String> ledgers = args.length > 2 ? List.of(args).subList(2, args.length) : List.of("memory", "h2", "postgresql");
    System.out.println(String.format(Locale.ROOT, "Per order, %d orders, %d threads, signer %s, Java %s:", orders, THREADS,
        signer, Runtime.version()));
    System.out.println(String.format(Locale.ROOT, "  %-11s %-10s %9s %9s %9s %9s %9s %8s", "ledger", "method", "jvm us",
        "work us", "pg us", "wall us", "orders/s", "wal B"));
    for (String ledger : ledgers) {
      for (String method : List.of("fulfill", "fulfillAll")) {
        measure(ledger, signer, method, orders);
      }
    }
  }

  private static void measure(String ledger, String signer, String method, int orders) throws Exception {
    LedgerFulfillmentBenchmark benchmark = new LedgerFulfillmentBenchmark();
    benchmark.ledger = ledger;
    benchmark.signer = signer;
    benchmark.setUp();
    try {
      run(benchmark, method, orders / 2); // warm-up
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      boolean pg = ledger.equals("postgresql");
      long walBefore = pg ? wal() : 0;
      long pgBefore = pg ? postgresTicks() : 0;
      long cpuBefore = os.getProcessCpuTime();
      long start = System.nanoTime();
      long work = run(benchmark, method, orders);
      long wall = System.nanoTime() - start;
      long cpu = os.getProcessCpuTime() - cpuBefore;
      long pgTicks = pg ? postgresTicks() - pgBefore : 0;
      long walAfter = pg ? wal() : 0;
      System.out.println(String.format(Locale.ROOT, "  %-11s %-10s %9.0f %9.0f %9.0f %9.1f %9.0f %8.0f  (load %.2f)",
          ledger, method, cpu / 1e3 / orders, work / 1e3 / orders, pgTicks * CLOCK_TICK_MICROS / orders, wall / 1e3 / orders, orders / (wall / 1e9),
          (double) (walAfter - walBefore) / orders,
          os.getSystemLoadAverage()));
    } finally {
      benchmark.tearDown();
    }
  }

  /** Runs the orders by four threads; returns the CPU time those threads took, in nanoseconds. */
  private static long run(LedgerFulfillmentBenchmark benchmark, String method, int orders) throws InterruptedException {
    boolean batch = method.equals("fulfillAll");
    int calls = batch ? orders / LedgerFulfillmentBenchmark.BATCH : orders;
    java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(calls);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
    for (int t = 0; t < THREADS; t++) {
      Thread thread = new Thread(() -> {
        try {
          while (left.getAndDecrement() > 0) {
            if (batch) {
              benchmark.fulfillAll();
            } else {
              benchmark.fulfill();
            }
          }
          cpu.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        } catch (RuntimeException e) {
          failures.add(e);
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("the workflow failed", failures.get(0));
    }
    return cpu.get();
  }

  /** User and system clock ticks of every process named postgres. */
  private static long postgresTicks() throws IOException {
    long ticks = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : (Iterable<Path>) processes::iterator) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        String stat;
        try {
          stat = Files.readString(process.resolve("stat"));
        } catch (IOException e) {
          continue; // ended meanwhile
        }
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
          continue;
        }
        String[] fields = stat.substring(close + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      }
    }
    return ticks;
  }

  /** The server's WAL position in bytes. */
  private static long wal() throws SQLException {
    try (Connection connection = DriverManager.getConnection(System.getenv("OPENPROOF_TEST_PG_URL"),
        System.getenv().getOrDefault("OPENPROOF_TEST_PG_USER", "openproof"),
        System.getenv().getOrDefault("OPENPROOF_TEST_PG_PASSWORD", ""));
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
      row.next();
      return row.getLong(1);
    }
  }
}
