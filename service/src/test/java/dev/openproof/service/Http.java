package dev.openproof.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A small HTTP client of a service under test, on its real port. */
final class Http {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final @Nullable String apiKey;

  Http(int port, @Nullable String apiKey) {
    this.base = "http://127.0.0.1:" + port;
    this.apiKey = apiKey;
  }

  Http withKey(@Nullable String key) {
    return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), key);
  }

  HttpResponse<String> get(String path) {
    return get(path, "application/json");
  }

  HttpResponse<String> get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET());
  }

  HttpResponse<byte[]> getBytes(String path, String accept) {
    try {
      return client.send(request(path).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (apiKey != null) {
      b.header("Authorization", "Bearer " + apiKey);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
