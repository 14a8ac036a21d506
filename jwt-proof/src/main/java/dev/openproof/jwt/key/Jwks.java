package dev.openproof.jwt.key;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * {@code kid}, an {@code alg} of the wire contract, {@code sig} if it has a {@code use}, and {@code
 * verify} among its {@code key_ops} if it has those. A set that breaks a rule is refused whole, with
 * a {@link JwksException} whose reason code names the rule.
 *
 * @since 0.1.0
 */
public final class Jwks {
  /** The largest JWK Set this class reads, in bytes. */
  public static final int MAX_BYTES = 1 << 20;

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
   * @throws JwksException if it is larger than {@link #MAX_BYTES}, is not one JSON object forming a
   *     JWK Set (a member that appears twice, or anything after the object, is refused and named), or a
   *     key is private, lacks {@code kid} or {@code alg}, repeats a {@code kid}, is not for signatures,
   *     or does not fit its algorithm
   */
  public static JWKSet parse(String json) {
    Objects.requireNonNull(json, "json");
    if (json.length() > MAX_BYTES) {
      throw new JwksException(JwksException.Reason.JWKS_TOO_LARGE, "the JWK Set is larger than " + MAX_BYTES + " bytes");
    }
    requireVerifyOps(StrictJson.requireOneObject(json));
    JWKSet set;
    try {
      set = JWKSet.parse(json);
    } catch (ParseException e) {
      throw new JwksException(JwksException.Reason.JWKS_MALFORMED, "the document is not a JWK Set (it needs a keys array of JWKs)");
    }
    return requireVerificationKeys(set);
  }

  /** Refuses a key whose {@code key_ops} lack {@code verify}, before nimbus may call it inconsistent with {@code use}. */
  private static void requireVerifyOps(JsonNode document) {
    for (JsonNode key : document.path("keys")) {
      JsonNode ops = key.get("key_ops");
      if (ops == null) {
        continue;
      }
      boolean verify = false;
      for (JsonNode op : ops) {
        verify |= "verify".equals(op.textValue());
      }
      if (!verify) {
        JsonNode kid = key.get("kid");
        throw new JwksException(JwksException.Reason.JWKS_KEY_NOT_FOR_SIGNATURES, "trusted key "
            + (kid != null && kid.isTextual() ? quote(kid.textValue()) : "(none)") + " is not for verifying signatures (its key_ops lack verify)");
      }
    }
  }

  /**
   * Parses a JWK Set of trusted verification keys from its bytes, which must be UTF-8.
   *
   * @param json the JSON's bytes
   * @return the set
   * @throws JwksException as {@link #parse(String)} does, and {@code JWKS_MALFORMED} if the bytes are
   *     not UTF-8
   */
  public static JWKSet parse(byte[] json) {
    Objects.requireNonNull(json, "json");
    if (json.length > MAX_BYTES) {
      throw new JwksException(JwksException.Reason.JWKS_TOO_LARGE, "the JWK Set is larger than " + MAX_BYTES + " bytes");
    }
    return parse(StrictJson.utf8(json));
  }

  /**
   * Reads a JWK Set of trusted verification keys from a file, reading no more than {@link #MAX_BYTES}
   * and one byte: a device or a pipe that never ends is refused as too large.
   *
   * @param file the file
   * @return the set
   * @throws JwksException as {@link #parse(byte[])} does, and {@code JWKS_UNREADABLE} if the file
   *     cannot be read
   */
  public static JWKSet read(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new JwksException(JwksException.Reason.JWKS_UNREADABLE, "cannot read the JWK Set " + file + " ("
          + (e instanceof NoSuchFileException ? "no such file" : Files.isDirectory(file) ? "it is a folder" : "I/O error") + ")");
    }
    if (bytes.length > MAX_BYTES) {
      throw new JwksException(JwksException.Reason.JWKS_TOO_LARGE, "the JWK Set " + file + " is larger than " + MAX_BYTES + " bytes");
    }
    try {
      return parse(bytes);
    } catch (JwksException e) {
      throw new JwksException(e.reason(), file + ": " + e.getMessage());
    }
  }

  /**
   * Checks that a set holds usable verification keys only.
   *
   * @param set the set
   * @return the same set
   * @throws JwksException as {@link #parse(String)} does
   */
  public static JWKSet requireVerificationKeys(JWKSet set) {
    Set<String> kids = new HashSet<>();
    for (JWK key : set.getKeys()) {
      String kid = key.getKeyID() == null ? "(none)" : quote(key.getKeyID());
      if (key.isPrivate()) {
        throw new JwksException(JwksException.Reason.JWKS_PRIVATE_KEY, "a trusted JWK Set must not hold private keys (kid " + kid + ")");
      }
      if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
        throw new JwksException(JwksException.Reason.JWKS_KEY_NOT_FOR_SIGNATURES, "trusted key " + kid + " is not for signatures (use "
            + quote(key.getKeyUse().identifier()) + ")");
      }
      if (key.getKeyOperations() != null && !key.getKeyOperations().contains(KeyOperation.VERIFY)) {
        throw new JwksException(JwksException.Reason.JWKS_KEY_NOT_FOR_SIGNATURES, "trusted key " + kid
            + " is not for verifying signatures (its key_ops lack verify)");
      }
      try {
        VerificationKey.of(key);
      } catch (IllegalArgumentException e) {
        throw new JwksException(JwksException.Reason.JWKS_UNUSABLE_KEY, "trusted key " + kid + " is unusable: " + e.getMessage());
      }
      if (!kids.add(key.getKeyID())) {
        throw new JwksException(JwksException.Reason.JWKS_DUPLICATE_KID, "two trusted keys share kid " + kid);
      }
    }
    return set;
  }

  /** Untrusted text in quotes, printable ASCII only, at most 64 characters. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < text.length() && i < 64; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
    }
    return out.append(text.length() > 64 ? "…'" : "'").toString();
  }
}
