package dev.openproof.jwt.key;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * JWK Sets of verification keys: publishing the public keys ({@code jwks.json}) and reading a set a
 * verifier is to trust. A set this class writes or accepts holds only public keys, each with a unique
 * {@code kid}, an {@code alg} of the wire contract and, if it has a {@code use}, {@code sig}.
 *
 * @since 0.1.0
 */
public final class Jwks {
  /** The largest JWK Set this class reads, in bytes. */
  public static final int MAX_BYTES = 1 << 20;

  private static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build());
  private static final ObjectMapper PRETTY = new ObjectMapper();

  private Jwks() {}

  /**
   * The public half of a JWK, keeping {@code kid}, {@code alg} and {@code use}.
   *
   * @param jwk a public or private JWK
   * @return the JWK without private members
   */
  public static JWK toPublic(JWK jwk) {
    JWK publicJwk = Objects.requireNonNull(jwk, "jwk").toPublicJWK();
    if (publicJwk == null || publicJwk.isPrivate()) {
      throw new IllegalArgumentException("not an asymmetric key");
    }
    return publicJwk;
  }

  /**
   * The JSON of a JWK Set's public keys, as published in {@code jwks.json}. Private members of the
   * given keys are never written.
   *
   * @param set the keys
   * @return the JSON, pretty-printed
   */
  public static String toJson(JWKSet set) {
    List<JWK> keys = new ArrayList<>();
    for (JWK key : set.getKeys()) {
      keys.add(toPublic(key));
    }
    try {
      return PRETTY.writerWithDefaultPrettyPrinter().writeValueAsString(new JWKSet(keys).toJSONObject(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the public keys of a set as JSON to a file (readable by all: it holds no secret).
   *
   * @param file the file, replaced if it exists
   * @param set the keys
   * @throws UncheckedIOException if it cannot be written
   */
  public static void write(Path file, JWKSet set) {
    try {
      Files.writeString(file, toJson(set), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Parses a JWK Set of trusted verification keys.
   *
   * @param json the JSON
   * @return the set
   * @throws IllegalArgumentException if it is not a JWK Set, or a key is private, lacks {@code kid} or
   *     {@code alg}, repeats a {@code kid}, is not for signatures, or does not fit its algorithm
   */
  public static JWKSet parse(String json) {
    Objects.requireNonNull(json, "json");
    if (json.length() > MAX_BYTES) {
      throw new IllegalArgumentException("the JWK Set is larger than " + MAX_BYTES + " bytes");
    }
    JWKSet set;
    try (JsonParser parser = STRICT.createParser(json)) {
      STRICT.readTree(parser);
      set = JWKSet.parse(json);
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException("not a JWK Set");
    }
    return requireVerificationKeys(set);
  }

  /**
   * Reads a JWK Set of trusted verification keys from a file.
   *
   * @param file the file
   * @return the set
   * @throws IllegalArgumentException as {@link #parse(String)} does
   * @throws UncheckedIOException if the file cannot be read
   */
  public static JWKSet read(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES + " bytes");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Checks that a set holds usable verification keys only.
   *
   * @param set the set
   * @return the same set
   * @throws IllegalArgumentException as {@link #parse(String)} does
   */
  public static JWKSet requireVerificationKeys(JWKSet set) {
    Set<String> kids = new HashSet<>();
    for (JWK key : set.getKeys()) {
      if (key.isPrivate()) {
        throw new IllegalArgumentException("a trusted JWK Set must not hold private keys (kid " + key.getKeyID() + ")");
      }
      if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
        throw new IllegalArgumentException("trusted key " + key.getKeyID() + " is not for signatures");
      }
      VerificationKey.of(key);
      if (!kids.add(key.getKeyID())) {
        throw new IllegalArgumentException("two trusted keys share kid " + key.getKeyID());
      }
    }
    return set;
  }
}
