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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * CPU time per order, a measure that a loaded machine disturbs less than throughput: fulfills a fixed
 * number of orders through {@link LedgerFulfillmentBenchmark}'s workflow, by four threads, and prints
 * per order the CPU time of this JVM, of its four working threads alone (without the compiler's and the
 * collector's), of the PostgreSQL server's processes (its postmaster and the processes it started,
 * read from {@code /proc}, so that another server on the machine is not counted), the wall time, the
 * bytes the working threads allocated, and on PostgreSQL the WAL bytes written. A second line names
 * where the rest of the JVM's time went: its threads by name from {@code /proc/self/task} (the
 * collector's and the compiler's among them), and the threads that ended during the run besides the
 * working ones.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.openproof.benchmarks.jdbc.LedgerCpu [es256|fake] [orders] [ledger ...]</pre>
 */
public final class LedgerCpu {
  private static final int THREADS = 4;
  private static final double CLOCK_TICK_MICROS = 10_000; // USER_HZ is 100 on Linux
  /** The working threads' name, and its first fifteen characters: what {@code /proc} keeps of it. */
  private static final String WORKER = "ledger-worker-";

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
    System.out.println(String.format(Locale.ROOT, "  %-11s %-10s %9s %9s %9s %9s %9s %8s %8s", "ledger", "method", "jvm us",
        "work us", "pg us", "wall us", "orders/s", "wal B", "alloc KB"));
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
      long postmaster = pg ? postmaster() : 0;
      long walBefore = pg ? wal() : 0;
      long pgBefore = pg ? postgresTicks(postmaster) : 0;
      Map<String, Long> threadsBefore = threadTicks();
      long cpuBefore = os.getProcessCpuTime();
      long start = System.nanoTime();
      long[] work = run(benchmark, method, orders);
      long wall = System.nanoTime() - start;
      long cpu = os.getProcessCpuTime() - cpuBefore;
      Map<String, Long> threadsAfter = threadTicks();
      long pgTicks = pg ? postgresTicks(postmaster) - pgBefore : 0;
      long walAfter = pg ? wal() : 0;
      System.out.println(String.format(Locale.ROOT, "  %-11s %-10s %9.0f %9.0f %9.0f %9.1f %9.0f %8.0f %8.1f  (load %.2f)",
          ledger, method, cpu / 1e3 / orders, work[0] / 1e3 / orders, pgTicks * CLOCK_TICK_MICROS / orders, wall / 1e3 / orders, orders / (wall / 1e9),
          (double) (walAfter - walBefore) / orders, work[1] / 1024.0 / orders,
          os.getSystemLoadAverage()));
      System.out.println("      the rest of the JVM, us per order: " + rest(threadsBefore, threadsAfter, cpu - work[0], orders));
    } finally {
      benchmark.tearDown();
    }
  }

  /**
   * Runs the orders by four threads; returns the CPU time those threads took, in nanoseconds, and the
   * bytes they allocated.
   */
  private static long[] run(LedgerFulfillmentBenchmark benchmark, String method, int orders) throws InterruptedException {
    boolean batch = method.equals("fulfillAll");
    int calls = batch ? orders / LedgerFulfillmentBenchmark.BATCH : orders;
    java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(calls);
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong allocated = new java.util.concurrent.atomic.AtomicLong();
    com.sun.management.ThreadMXBean threadBean =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    for (int t = 0; t < THREADS; t++) {
      Thread thread = new Thread(() -> {
        try {
          long allocatedBefore = threadBean.getCurrentThreadAllocatedBytes();
          while (left.getAndDecrement() > 0) {
            if (batch) {
              benchmark.fulfillAll();
            } else {
              benchmark.fulfill();
            }
          }
          allocated.addAndGet(threadBean.getCurrentThreadAllocatedBytes() - allocatedBefore);
          cpu.addAndGet(threadBean.getCurrentThreadCpuTime());
        } catch (RuntimeException e) {
          failures.add(e);
        }
      }, WORKER + t);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("the workflow failed", failures.get(0));
    }
    return new long[] {cpu.get(), allocated.get()};
  }

  /**
   * Where the JVM's time besides the working threads' went: per thread name (digits dropped, so that
   * the collector's threads are one entry), the largest first, and what threads that ended took.
   */
  private static String rest(Map<String, Long> before, Map<String, Long> after, long restNanos, int orders) {
    Map<String, Long> byName = new TreeMap<>();
    long living = 0;
    for (Map.Entry<String, Long> thread : after.entrySet()) {
      long ticks = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
      if (ticks > 0 && !thread.getKey().contains(" " + WORKER)) { // a working thread that has not quite ended
        String name = thread.getKey().substring(thread.getKey().indexOf(' ') + 1).replaceAll("[0-9]+", "#");
        byName.merge(name, ticks, Long::sum);
        living += ticks;
      }
    }
    StringBuilder line = new StringBuilder();
    byName.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(6)
        .forEach(e -> line.append(String.format(Locale.ROOT, "%s %.0f, ", e.getKey(), e.getValue() * CLOCK_TICK_MICROS / orders)));
    line.append(String.format(Locale.ROOT, "threads that ended besides the working ones %.0f",
        Math.max(0, restNanos / 1e3 - living * CLOCK_TICK_MICROS) / orders));
    return line.toString();
  }

  /** User and system clock ticks of each of this JVM's threads, by thread id and name ("id name"). */
  private static Map<String, Long> threadTicks() throws IOException {
    Map<String, Long> ticks = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        Stat stat = Stat.of(task);
        if (stat != null) {
          ticks.put(task.getFileName() + " " + stat.name(), stat.ticks());
        }
      }
    }
    return ticks;
  }

  /** The process id of the server's postmaster: the parent of a backend of this server. */
  private static long postmaster() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      long backend = row.getLong(1);
      Stat stat = Stat.of(Path.of("/proc", Long.toString(backend))); // read while the backend is connected
      if (stat == null) {
        throw new IllegalStateException("the server's backend " + backend + " is not a process of this machine");
      }
      return stat.parent();
    }
  }

  /** User and system clock ticks of the postmaster and of every process it started. */
  private static long postgresTicks(long postmaster) throws IOException {
    long ticks = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : (Iterable<Path>) processes::iterator) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        Stat stat = Stat.of(process);
        if (stat != null && stat.name().equals("postgres")
            && (stat.parent() == postmaster || process.getFileName().toString().equals(Long.toString(postmaster)))) {
          ticks += stat.ticks();
        }
      }
    }
    return ticks;
  }

  /** A process's or thread's name and the fields after it in its {@code /proc} stat file. */
  private record Stat(String name, String[] fields) {
    /** The stat of the process or thread whose {@code /proc} folder this is, or null if it has ended. */
    static @Nullable Stat of(Path folder) {
      String stat;
      try {
        stat = Files.readString(folder.resolve("stat"));
      } catch (IOException e) {
        return null; // ended meanwhile
      }
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      if (open < 0 || close < 0) {
        return null;
      }
      return new Stat(stat.substring(open + 1, close), stat.substring(close + 2).split(" "));
    }

    long parent() {
      return Long.parseLong(fields[1]);
    }

    /** User and system clock ticks. */
    long ticks() {
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
  }

  /** The server's WAL position in bytes. */
  private static long wal() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(System.getenv("OPENPROOF_TEST_PG_URL"),
        System.getenv().getOrDefault("OPENPROOF_TEST_PG_USER", "openproof"),
        System.getenv().getOrDefault("OPENPROOF_TEST_PG_PASSWORD", ""));
  }
}
