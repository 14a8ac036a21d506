package dev.openproof.jwt.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openproof.core.exchange.SigningException;
import dev.openproof.core.port.StatusLists;
import dev.openproof.jwt.key.ContentSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Signs Status List Tokens: a compact JWS with the header {@code alg}, {@code kid} and {@code typ:
 * statuslist+jwt}, and the claims {@code sub} (the list's URI), {@code iat}, {@code exp}, {@code
 * ttl}, {@code status_list: {bits, lst}} and {@code iss}. Publishing every list of the issuer is one
 * call:
 *
 * <pre>{@code
 * StatusListTokenSigner signer = StatusListTokenSigner.builder(key).issuer("https://licensing.example.com").build();
 * Map<String, String> tokens = signer.publish(statusLists); // list URI -> token
 * }</pre>
 *
 * <p>Sign with a key of the issuer's published JWK Set: verifiers accept a list only from a trusted
 * key. Immutable and thread-safe when its {@link ContentSigner} is.
 *
 * @since 0.1.0
 */
public final class StatusListTokenSigner {
  /** The media type of a Status List Token, its {@code typ}. */
  public static final String TYPE = "statuslist+jwt";

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final ContentSigner key;
  private final String issuer;
  private final Duration ttl;
  private final Duration validity;
  private final int bits;
  private final Clock clock;

  private StatusListTokenSigner(Builder builder) {
    this.key = builder.key;
    this.issuer = Objects.requireNonNull(builder.issuer, "issuer (verifiers refuse a status list without iss)");
    this.ttl = builder.ttl;
    this.validity = builder.validity;
    this.bits = builder.bits;
    this.clock = builder.clock;
  }

  /**
   * Starts a signer.
   *
   * @param key the issuer's signing key, one its JWK Set publishes
   * @return a builder with the defaults: 2 bits, {@code ttl} one hour, {@code exp} one day after
   *     {@code iat}, the system UTC clock; the issuer is required
   */
  public static Builder builder(ContentSigner key) {
    return new Builder(key);
  }

  /**
   * Signs the token of one list.
   *
   * @param listUri the list's URI, written as {@code sub}
   * @param statuses one value per entry, as {@link StatusLists#statuses(String)} gives them
   * @return the compact JWS
   * @throws IllegalArgumentException if a value does not fit the signer's bits
   * @throws SigningException if the key failed
   */
  public String sign(String listUri, byte[] statuses) {
    Objects.requireNonNull(listUri, "listUri");
    long iat = clock.instant().getEpochSecond();
    ObjectNode header = MAPPER.createObjectNode()
        .put("alg", key.algorithm().joseName())
        .put("kid", key.keyId())
        .put("typ", TYPE);
    ObjectNode claims = MAPPER.createObjectNode();
    claims.put("iss", issuer);
    claims.put("sub", listUri).put("iat", iat).put("exp", iat + validity.getSeconds()).put("ttl", ttl.getSeconds());
    claims.putObject("status_list").put("bits", bits).put("lst", StatusListCodec.encode(statuses, bits));
    String signingInput = base64url(header) + "." + base64url(claims);
    byte[] signature;
    try {
      signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (SigningException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SigningException("key " + key.keyId() + " could not sign the status list " + listUri, e);
    }
    return signingInput + "." + BASE64URL.encodeToString(signature);
  }

  /**
   * Signs the token of every list, as it is now.
   *
   * @param lists the issuer's status lists
   * @return each list's URI and token, oldest list first
   * @throws SigningException if the key failed
   */
  public Map<String, String> publish(StatusLists lists) {
    Map<String, String> tokens = new LinkedHashMap<>();
    for (String uri : lists.lists()) {
      tokens.put(uri, sign(uri, lists.statuses(uri)));
    }
    return tokens;
  }

  private static String base64url(ObjectNode json) {
    try {
      return BASE64URL.encodeToString(MAPPER.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  @Override
  public String toString() {
    return "StatusListTokenSigner[kid=" + key.keyId() + ", bits=" + bits + ", ttl=" + ttl + "]";
  }

  /** Configures a {@link StatusListTokenSigner}; not thread-safe. */
  public static final class Builder {
    private final ContentSigner key;
    private @Nullable String issuer;
    private Duration ttl = Duration.ofHours(1);
    private Duration validity = Duration.ofDays(1);
    private int bits = 2;
    private Clock clock = Clock.systemUTC();

    private Builder(ContentSigner key) {
      this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * The issuer written as {@code iss}: the issuer of the proofs, which verifiers expect. Required.
     *
     * @param issuer the issuer
     * @return this builder
     */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * How long a verifier may use the token before fetching a new one ({@code ttl}); a verifier
     * refuses the token once {@code iat + ttl} has passed.
     *
     * @param ttl at least one second
     * @return this builder
     */
    public Builder ttl(Duration ttl) {
      this.ttl = requireSeconds(ttl, "ttl");
      return this;
    }

    /**
     * How long after {@code iat} the token expires ({@code exp}).
     *
     * @param validity at least one second
     * @return this builder
     */
    public Builder validity(Duration validity) {
      this.validity = requireSeconds(validity, "validity");
      return this;
    }

    /**
     * Bits per entry.
     *
     * @param bits 1, 2, 4 or 8; 2 (the default) holds valid, invalid and suspended
     * @return this builder
     */
    public Builder bits(int bits) {
      StatusListCodec.requireBits(bits);
      this.bits = bits;
      return this;
    }

    /**
     * The clock for {@code iat}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the signer.
     *
     * @return the signer
     * @throws NullPointerException if no issuer was set
     */
    public StatusListTokenSigner build() {
      return new StatusListTokenSigner(this);
    }

    private static Duration requireSeconds(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.getSeconds() < 1) {
        throw new IllegalArgumentException(name + " must be at least one second: " + duration);
      }
      return duration;
    }
  }
}
