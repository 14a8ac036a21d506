package dev.openproof.jwt.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A value fetched from elsewhere and kept until it goes stale, with no lock held across a fetch: one
 * caller fetches while the others are served the value held, even a stale one; with nothing held
 * they wait for that same fetch, never longer than the wait given. After a failure nothing is fetched
 * again before the minimum interval has passed (nor after a forced fetch, such as one for an unknown
 * key). Not API.
 *
 * @param <T> the value
 */
public final class CachedFetch<T> {
  private final Fetcher<T> fetcher;
  private final Clock clock;
  private final Duration minInterval;
  private final Duration wait;
  private final Function<String, RuntimeException> unavailable;
  private final AtomicReference<@Nullable CompletableFuture<T>> inFlight = new AtomicReference<>();
  private volatile @Nullable Fresh<T> held;
  private volatile @Nullable Instant lastAttempt;
  private volatile @Nullable Instant lastFailure;
  private volatile String failure = "it failed";

  /**
   * A value and the instant it goes stale.
   *
   * @param value the value
   * @param until when it goes stale
   * @param <T> the value
   */
  public record Fresh<T>(T value, Instant until) {
    /**
     * Checks the parts.
     *
     * @param value the value
     * @param until when it goes stale
     */
    public Fresh {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(until, "until");
    }
  }

  /**
   * Fetches the value.
   *
   * @param <T> the value
   */
  @FunctionalInterface
  public interface Fetcher<T> {
    /**
     * Fetches the value now.
     *
     * @param now the clock's instant
     * @return the value and when it goes stale
     * @throws RuntimeException the source's own failure, whose message is kept for later refusals
     */
    Fresh<T> fetch(Instant now);
  }

  /**
   * Creates the cache.
   *
   * @param fetcher what fetches the value (bounded in time)
   * @param clock the clock that ages the value
   * @param minInterval the least time after a failure, or a forced fetch, before the next fetch
   * @param wait the longest a caller with nothing held waits for another caller's fetch
   * @param unavailable makes the source's failure from a message
   */
  public CachedFetch(Fetcher<T> fetcher, Clock clock, Duration minInterval, Duration wait,
      Function<String, RuntimeException> unavailable) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.minInterval = Objects.requireNonNull(minInterval, "minInterval");
    this.wait = Objects.requireNonNull(wait, "wait");
    this.unavailable = Objects.requireNonNull(unavailable, "unavailable");
  }

  /**
   * The value: the one held while it is fresh, else a new one if a fetch is allowed now, else the
   * one held, stale or not.
   *
   * @param force fetch even if the value held is fresh (within the minimum interval since the last
   *     fetch)
   * @return the value
   * @throws RuntimeException the source's failure when nothing is held
   */
  public T get(boolean force) {
    Instant now = clock.instant();
    Fresh<T> known = held;
    if (known != null && !force && now.isBefore(known.until())) {
      return known.value();
    }
    Instant limitFrom = force ? lastAttempt : lastFailure;
    if (limitFrom != null && now.isBefore(limitFrom.plus(minInterval))) {
      if (known != null) {
        return known.value();
      }
      CompletableFuture<T> running = inFlight.get();
      if (running != null) {
        return await(running);
      }
      throw unavailable.apply(failure + "; no new try before " + limitFrom.plus(minInterval));
    }
    CompletableFuture<T> mine = new CompletableFuture<>();
    CompletableFuture<T> running = inFlight.compareAndExchange(null, mine);
    if (running != null) {
      return known != null ? known.value() : await(running);
    }
    try {
      lastAttempt = now;
      Fresh<T> fetched = fetcher.fetch(now);
      held = fetched;
      lastFailure = null;
      mine.complete(fetched.value());
      return fetched.value();
    } catch (RuntimeException e) {
      failure = String.valueOf(e.getMessage());
      lastFailure = now;
      mine.completeExceptionally(e);
      if (known != null) {
        return known.value();
      }
      throw e;
    } finally {
      inFlight.set(null);
    }
  }

  private T await(CompletableFuture<T> running) {
    try {
      return running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failed ? failed : unavailable.apply(failure);
    } catch (TimeoutException e) {
      throw unavailable.apply("a fetch is under way and did not finish in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable.apply("interrupted while waiting for a fetch");
    }
  }
}
