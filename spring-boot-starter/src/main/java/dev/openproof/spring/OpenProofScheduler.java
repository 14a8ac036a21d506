package dev.openproof.spring;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link OpenProofTask}s on threads of its own, from the start of the application context
 * to its stop. Stopping is graceful: no run starts after {@link #stop()}, and runs in flight get the
 * shutdown timeout to finish. A delivery that is cut short is never half-recorded: its claim in
 * the ledger runs out and it is sent again, with the same Message-ID, by this instance or another.
 * It stops after the web server (a lower phase), so requests in flight finish first.
 *
 * @since 0.1.0
 */
public final class OpenProofScheduler implements SmartLifecycle {
  /** The phase: after the web server's graceful shutdown, before the data source closes. */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;
  private static final Logger LOG = LoggerFactory.getLogger(OpenProofScheduler.class);

  private final List<OpenProofTask> tasks;
  private final long shutdownMillis;
  private @Nullable ScheduledExecutorService executor;

  /**
   * Creates a scheduler.
   *
   * @param tasks what to run
   * @param shutdownTimeout how long {@link #stop()} waits for runs in flight
   */
  public OpenProofScheduler(List<OpenProofTask> tasks, java.time.Duration shutdownTimeout) {
    this.tasks = List.copyOf(tasks);
    this.shutdownMillis = shutdownTimeout.toMillis();
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "openproof-scheduler-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ScheduledExecutorService started = Executors.newScheduledThreadPool(Math.max(1, Math.min(tasks.size(), 4)), factory);
    for (OpenProofTask task : tasks) {
      long millis = task.interval().toMillis();
      started.scheduleWithFixedDelay(() -> run(task), millis, millis, TimeUnit.MILLISECONDS);
    }
    executor = started;
  }

  private static void run(OpenProofTask task) {
    try {
      task.work().run();
    } catch (RuntimeException e) {
      LOG.warn("{} failed, and runs again later: {}", task.name(), e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService running = executor;
    if (running == null) {
      return;
    }
    executor = null;
    running.shutdown();
    try {
      if (!running.awaitTermination(shutdownMillis, TimeUnit.MILLISECONDS)) {
        LOG.warn("scheduled work did not finish within {} ms; what it left stays pending", shutdownMillis);
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /**
   * The tasks it runs.
   *
   * @return the tasks
   */
  public List<OpenProofTask> tasks() {
    return tasks;
  }
}
