package dev.openproof.examples.demo;

import dev.openproof.core.model.StatusListLayout;
import dev.openproof.core.port.StatusLists;
import dev.openproof.jwt.key.KeyFolder;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.jwt.status.StatusListTokenSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The demo's folder as the issuer keeps it: the active key in {@code keys/signing-key.jwk}, the
 * ledger (with its status lists) in {@code ledger/}, the published Status List Tokens in {@code
 * status/<n>.jwt}, one per list {@code <issuer>/status/<n>}.
 *
 * @since 0.1.0
 */
public final class IssuerFolder {
  private IssuerFolder() {}

  /**
   * The base URI of the issuer's status lists.
   *
   * @param issuer the issuer
   * @return the base URI
   */
  public static String statusBase(String issuer) {
    return issuer + "/status";
  }

  /**
   * The issuer's active key.
   *
   * @param dir the folder
   * @return the key
   * @throws IllegalStateException if the folder has no key
   */
  public static SigningKey activeKey(Path dir) {
    return activeKey(dir, null);
  }

  /**
   * The issuer's active key: the file given (the key {@code openproof issue --key} signed with), or
   * the folder's own.
   *
   * @param dir the folder
   * @param keyFile the key file, or {@code null} for {@code dir/keys/signing-key.jwk}
   * @return the key
   * @throws IllegalStateException if there is no such key
   * @throws IllegalArgumentException if others may read the key file
   */
  public static SigningKey activeKey(Path dir, @Nullable Path keyFile) {
    Path file = keyFile != null ? keyFile : dir.resolve("keys").resolve(KeyFolder.SIGNING_KEY);
    if (!Files.exists(file)) {
      throw new IllegalStateException(file + " does not exist: run the demo or 'issue' in " + dir
          + " first, or give --key FILE (the key 'issue --key' signed with)");
    }
    return KeyFolder.readPrivate(file);
  }

  /**
   * Signs every list and writes it to {@code status/<n>.jwt}.
   *
   * @param dir the folder
   * @param lists the status lists
   * @param key the signing key
   * @param issuer the issuer ({@code iss}) of the tokens
   * @return the files written
   * @throws IOException if a file cannot be written
   */
  public static List<Path> publish(Path dir, StatusLists lists, SigningKey key, String issuer) throws IOException {
    Path statusDir = Files.createDirectories(dir.resolve("status"));
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> list : StatusListTokenSigner.builder(key).issuer(issuer).build().publish(lists).entrySet()) {
      String uri = list.getKey();
      int number = StatusListLayout.of(statusBase(issuer)).number(uri).orElseThrow(() ->
          new IllegalStateException("status list " + uri + " is not one of " + statusBase(issuer)));
      Path file = statusDir.resolve(number + ".jwt");
      Files.writeString(file, list.getValue() + "\n", StandardCharsets.US_ASCII);
      written.add(file);
    }
    return written;
  }
}
