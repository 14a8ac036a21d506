package dev.openproof.jwt.internal;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP GET bounded in size and in total time: connecting, the headers and the whole body must
 * fit in the deadline, so a server that sends its headers and then stalls, or drips a byte at a time,
 * is cut off. Only HTTP 200 is accepted; redirects are not followed by the default client. Not API.
 *
 * <p>Thread-safe: each {@link #get()} is its own exchange.
 */
public final class HttpFetch {
  private final URI uri;
  private final String accept;
  private final int maxBytes;
  private final Duration deadline;
  private final HttpClient client;

  /**
   * Prepares fetches of a URL.
   *
   * @param uri the URL
   * @param accept the {@code Accept} header
   * @param maxBytes the largest body accepted
   * @param deadline the total time of one fetch
   * @param client the client, or {@code null} for {@link #defaultClient(Duration)}
   */
  public HttpFetch(URI uri, String accept, int maxBytes, Duration deadline, @Nullable HttpClient client) {
    this.uri = Objects.requireNonNull(uri, "uri");
    this.accept = Objects.requireNonNull(accept, "accept");
    this.maxBytes = maxBytes;
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.client = client != null ? client : defaultClient(deadline);
  }

  /**
   * A client that follows no redirect and gives up connecting after the deadline.
   *
   * @param deadline the connect timeout
   * @return the client
   */
  public static HttpClient defaultClient(Duration deadline) {
    return HttpClient.newBuilder().connectTimeout(deadline).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * The URL fetched.
   *
   * @return the URL
   */
  public URI uri() {
    return uri;
  }

  /**
   * Fetches the body.
   *
   * @return the body, at most the size limit
   * @throws Failure saying in a few words why not: {@code answered HTTP 503}, {@code is larger than
   *     N bytes}, {@code took longer than 5 s}, {@code connection failed}, {@code I/O error}
   */
  public byte[] get() throws Failure {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(deadline).header("Accept", accept).GET().build();
    AtomicReference<@Nullable Body> body = new AtomicReference<>();
    HttpResponse.BodyHandler<byte[]> handler = info -> {
      Body created = new Body(maxBytes, refusal(info));
      body.set(created);
      return created;
    };
    CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, handler);
    try {
      return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS).body();
    } catch (TimeoutException e) {
      abort(exchange, body.get());
      throw new Failure("took longer than " + describe(deadline));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort(exchange, body.get());
      throw new Failure("was interrupted");
    } catch (ExecutionException e) {
      throw failureOf(e.getCause());
    }
  }

  private @Nullable String refusal(HttpResponse.ResponseInfo info) {
    if (info.statusCode() != 200) {
      return "answered HTTP " + info.statusCode();
    }
    OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
    if (declared.isPresent() && declared.getAsLong() > maxBytes) {
      return "is larger than " + maxBytes + " bytes";
    }
    return null;
  }

  private static void abort(CompletableFuture<?> exchange, @Nullable Body body) {
    if (body != null) {
      body.cancel();
    }
    exchange.cancel(true);
  }

  private static Failure failureOf(@Nullable Throwable cause) {
    for (Throwable at = cause; at != null; at = at.getCause()) {
      if (at instanceof Failure failure) {
        return failure;
      }
      if (at instanceof HttpTimeoutException) {
        return new Failure("timed out");
      }
      if (at instanceof ConnectException) {
        return new Failure("connection failed");
      }
    }
    return new Failure("I/O error");
  }

  private static String describe(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  @Override
  public String toString() {
    return "HttpFetch[" + uri + ", " + maxBytes + " bytes, " + describe(deadline) + "]";
  }

  /** Why a fetch failed, in a few words fit to follow the URL in a message. */
  public static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  /** Collects the body up to the limit; refuses a response before reading it when told why. */
  private static final class Body implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int maxBytes;
    private final @Nullable String refusal;
    private final AtomicReference<Flow.@Nullable Subscription> subscription = new AtomicReference<>();

    Body(int maxBytes, @Nullable String refusal) {
      this.maxBytes = maxBytes;
      this.refusal = refusal;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
      subscription.set(given);
      if (refusal != null) {
        given.cancel();
        result.completeExceptionally(new Failure(refusal));
      } else {
        given.request(1);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      Flow.Subscription given = Objects.requireNonNull(subscription.get());
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > maxBytes) {
          given.cancel();
          result.completeExceptionally(new Failure("is larger than " + maxBytes + " bytes"));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.writeBytes(chunk);
      }
      given.request(1);
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }

    void cancel() {
      Flow.Subscription given = subscription.get();
      if (given != null) {
        given.cancel();
      }
      result.completeExceptionally(new Failure("was cut off"));
    }
  }
}
