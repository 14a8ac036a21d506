package dev.openproof.certificate.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes the issuer's verification site, ready to copy to any static web server: {@code verify.html}
 * (the page that checks a proof in the browser, with WebCrypto), {@code jwks.json} (the public keys)
 * and {@code status/<n>.jwt} (the signed Token Status Lists, for the list {@code <status base>/<n>}).
 * It takes the keys and the lists as the issuer published them, so it needs no JOSE library:
 *
 * <pre>{@code
 * SiteWriter site = SiteWriter.builder()
 *     .issuer("https://licensing.example.com")
 *     .jwks(Files.readString(Path.of("jwks.json")))
 *     .statusList("1", Files.readString(Path.of("status/1.jwt")))
 *     .build();
 * site.writeTo(Path.of("site"));
 * }</pre>
 *
 * <p>The page trusts the key set embedded in it when the site was written (for use offline), and
 * {@code jwks.json} beside it for a key it does not hold. A certificate's QR code opens {@code
 * verify.html#<token>}; the fragment never reaches the server. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SiteWriter {
  /** The page's file name. */
  public static final String PAGE = "verify.html";
  /** The key set's file name. */
  public static final String JWKS = "jwks.json";
  /** The largest key set accepted: 1 MiB, as verifiers read it. */
  public static final int MAX_JWKS_CHARS = 1 << 20;
  /** The largest status list token accepted: 4 MiB, as verifiers read it. */
  public static final int MAX_STATUS_TOKEN_CHARS = 4 << 20;

  private static final Pattern LIST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]++\\.[A-Za-z0-9_-]++");
  /** A member name of a private or secret JWK ({@code d}, RSA's primes, {@code k}), outside any string. */
  private static final Pattern PRIVATE_MEMBER = Pattern.compile("(?<!\\\\)\"(d|p|q|dp|dq|qi|oth|k)\"\\s*:");

  private final String issuer;
  private final String statusBase;
  private final String jwks;
  private final boolean embedKeys;
  private final Map<String, String> statusLists;

  private SiteWriter(Builder builder, String issuer, String statusBase, String jwks) {
    this.issuer = issuer;
    this.statusBase = statusBase;
    this.jwks = jwks;
    this.embedKeys = builder.embedKeys;
    this.statusLists = Map.copyOf(builder.statusLists);
  }

  /**
   * Starts a site.
   *
   * @return a builder; the issuer and the key set are required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The page, as written to {@code verify.html}.
   *
   * @return the HTML
   */
  public String page() {
    String site = "{\"issuer\":" + jsonString(issuer) + ",\"statusBase\":" + jsonString(statusBase + "/")
        + ",\"keys\":" + (embedKeys ? jsonString(jwks) : "null") + "}";
    return PageTemplate.page(site);
  }

  /**
   * Writes the site to a folder, each file replaced whole (a web server never serves half of one).
   *
   * @param dir the folder, created where missing
   * @return the files written: the page, the key set, then the status lists
   * @throws IOException if a file cannot be written
   */
  public List<Path> writeTo(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    List<Path> written = new ArrayList<>();
    written.add(write(Files.createDirectories(dir).resolve(PAGE), page()));
    written.add(write(dir.resolve(JWKS), jwks + "\n"));
    if (!statusLists.isEmpty()) {
      Path status = Files.createDirectories(dir.resolve("status"));
      for (String name : statusLists.keySet().stream().sorted().toList()) {
        written.add(write(status.resolve(name + ".jwt"), statusLists.get(name) + "\n"));
      }
    }
    return written;
  }

  private static Path write(Path file, String text) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
    return file;
  }

  /** A JSON string that is also safe inside an HTML script element: no {@code <}, {@code >} or {@code &}. */
  static String jsonString(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  @Override
  public String toString() {
    return "SiteWriter[issuer=" + issuer + ", statusLists=" + statusLists.keySet() + "]";
  }

  /** Configures a {@link SiteWriter}; not thread-safe. */
  public static final class Builder {
    private @Nullable String issuer;
    private @Nullable String statusBase;
    private @Nullable String jwks;
    private boolean embedKeys = true;
    private final Map<String, String> statusLists = new LinkedHashMap<>();
    private final List<String> early = new ArrayList<>();

    private Builder() {}

    /**
     * The issuer ({@code iss}) the page accepts, compared exactly, as {@code ProofVerifier} does.
     *
     * @param issuer the issuer, such as {@code https://licensing.example.com}
     * @return this builder
     */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * The base URI of the issuer's status lists: a proof's list {@code <base>/<n>} is read from the
     * site's {@code status/<n>.jwt}, any other from its own URI.
     *
     * @param baseUri the base, without a trailing {@code /}; default the issuer followed by {@code /status}
     * @return this builder
     */
    public Builder statusBase(String baseUri) {
      this.statusBase = Objects.requireNonNull(baseUri, "baseUri");
      return this;
    }

    /**
     * The issuer's public key set, as it publishes it in {@code jwks.json}.
     *
     * @param json the JWK Set's JSON: public keys only
     * @return this builder
     */
    public Builder jwks(String json) {
      this.jwks = Objects.requireNonNull(json, "json").strip();
      return this;
    }

    /**
     * Whether the page carries the key set itself, so that it verifies without fetching {@code
     * jwks.json} (opened from a file, offline).
     *
     * @param embed {@code true} (the default) to embed the keys
     * @return this builder
     */
    public Builder embedKeys(boolean embed) {
      this.embedKeys = embed;
      return this;
    }

    /**
     * A signed status list, written to {@code status/<name>.jwt}.
     *
     * @param name the last segment of the list's URI, such as {@code 1}
     * @param token its Status List Token (compact JWS, {@code typ statuslist+jwt}), as published
     * @return this builder
     */
    public Builder statusList(String name, String token) {
      Objects.requireNonNull(name, "name");
      String held = Objects.requireNonNull(token, "token").strip();
      if (statusLists.putIfAbsent(name, held) != null) {
        early.add("status list " + name + ": given twice");
      }
      return this;
    }

    /**
     * Builds the site.
     *
     * @return the site
     * @throws InvalidSiteException listing every violation: a missing or blank issuer, a status base
     *     that is blank or ends with {@code /}, a missing, oversized or private key set, a status list
     *     whose name is no URI segment or whose token is no compact JWS
     */
    public SiteWriter build() {
      List<String> violations = new ArrayList<>(early);
      String iss = issuer == null ? "" : issuer;
      checkUri("issuer", issuer, violations);
      String base = statusBase == null ? iss + "/status" : statusBase;
      checkUri("status base", base, violations);
      if (base.endsWith("/")) {
        violations.add("status base: must not end with '/'");
      }
      String keys = jwks == null ? "" : jwks;
      if (keys.isEmpty()) {
        violations.add("jwks: required");
      } else if (keys.length() > MAX_JWKS_CHARS) {
        violations.add("jwks: larger than " + MAX_JWKS_CHARS + " characters");
      } else if (!keys.startsWith("{") || !keys.endsWith("}") || !keys.contains("\"keys\"")) {
        violations.add("jwks: not a JWK Set (a JSON object with keys)");
      } else if (PRIVATE_MEMBER.matcher(keys).find()) {
        violations.add("jwks: holds a private key; publish public keys only");
      }
      statusLists.forEach((name, token) -> {
        if (!LIST_NAME.matcher(name).matches()) {
          violations.add("status list " + name + ": the name must be 1 to 64 of A-Z a-z 0-9 _ -, starting with a letter or digit");
        }
        if (token.length() > MAX_STATUS_TOKEN_CHARS || !COMPACT_JWS.matcher(token).matches()) {
          violations.add("status list " + name + ": the token is not a compact JWS of at most " + MAX_STATUS_TOKEN_CHARS + " characters");
        }
      });
      if (!violations.isEmpty()) {
        throw new InvalidSiteException(violations);
      }
      return new SiteWriter(this, iss, base, keys);
    }

    private static void checkUri(String part, @Nullable String value, List<String> violations) {
      if (value == null || value.isBlank()) {
        violations.add(part + ": required");
      } else if (value.length() > 2048 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        violations.add(part + ": must be at most 2048 characters without control characters");
      }
    }
  }
}
