package dev.openproof.examples.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The demo's workers: items are read lazily, cut into chunks, and each chunk goes to the next free
 * worker; at most two chunks a worker are read ahead, so memory does not grow with the run. The
 * chunks' reports are taken on the caller's thread in the order the chunks were read, so what is
 * printed does not depend on which worker was faster.
 */
final class DemoPool {
  private final int workers;
  private final int chunkSize;

  DemoPool(int workers, int chunkSize) {
    if (workers < 1 || chunkSize < 1) {
      throw new IllegalArgumentException("workers and chunk size must be at least 1: " + workers + ", " + chunkSize);
    }
    this.workers = workers;
    this.chunkSize = chunkSize;
  }

  /**
   * Runs {@code work} on every chunk of {@code items}, handing each report to {@code take} in order;
   * stops reading when {@code take} says so (the chunks already read still run and are taken).
   *
   * @throws RuntimeException what a chunk's work threw, once the chunks before it are taken
   */
  <T, R> void run(Iterator<T> items, Function<List<T>, R> work, Predicate<R> take) {
    AtomicInteger numbers = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
      Thread thread = new Thread(task, "openproof-demo-worker-" + numbers.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      Deque<Future<R>> inFlight = new ArrayDeque<>();
      boolean readOn = true;
      while (readOn && items.hasNext()) {
        List<T> chunk = new ArrayList<>(chunkSize);
        while (chunk.size() < chunkSize && items.hasNext()) {
          chunk.add(items.next());
        }
        inFlight.add(pool.submit(() -> work.apply(chunk)));
        if (inFlight.size() >= 2 * workers) {
          readOn = take.test(await(inFlight.remove()));
        }
      }
      while (!inFlight.isEmpty()) {
        take.test(await(inFlight.remove()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R await(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the demo's workers ran", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a worker of the demo failed", cause);
    }
  }
}
