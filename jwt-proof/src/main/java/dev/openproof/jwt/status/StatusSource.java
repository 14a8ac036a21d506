package dev.openproof.jwt.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a verifier gets the Status List Token of a proof's list: a token in memory, a file, or a URL
 * ({@link RemoteStatusList}). A source only supplies the token; the verifier checks its signature,
 * type, {@code sub} and expiry. Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface StatusSource {
  /** The largest token a source reads: 4 MiB. */
  int MAX_TOKEN_BYTES = 4 << 20;

  /**
   * The Status List Token for a list.
   *
   * @param listUri the list a proof names
   * @return the compact JWS
   * @throws StatusSourceException if no token can be obtained
   */
  String token(String listUri);

  /**
   * A token held in memory, whichever list is asked for.
   *
   * @param token the compact JWS
   * @return the source
   */
  static StatusSource of(String token) {
    String held = Objects.requireNonNull(token, "token").strip();
    return uri -> held;
  }

  /**
   * A token given as bytes (UTF-8), whichever list is asked for.
   *
   * @param token the compact JWS's bytes
   * @return the source
   */
  static StatusSource ofBytes(byte[] token) {
    return of(new String(token, StandardCharsets.UTF_8));
  }

  /**
   * A token read once from a file, whichever list is asked for. No more than {@link
   * #MAX_TOKEN_BYTES} and one byte are read: a device or a pipe that never ends is refused as too
   * large.
   *
   * @param file the file holding the compact JWS (a line break at its end is ignored)
   * @return the source
   * @throws StatusSourceException if the file cannot be read or is larger than {@link #MAX_TOKEN_BYTES}
   */
  static StatusSource fromFile(Path file) {
    return ofBytes(TokenFiles.read(file));
  }

  /**
   * The tokens of every list of an issuer, as files in a folder: the list {@code <baseUri>/<n>} is
   * the file {@code <n>.jwt} (the layout {@code openproof status publish} writes). A proof that names
   * a list of another form is refused as {@link StatusSourceException.Reason#STATUS_LIST_UNTRUSTED}, and no
   * file is read for it. Each file is read within {@link #MAX_TOKEN_BYTES}, and again only when it
   * changes.
   *
   * @param folder the folder, such as the demo's {@code status/}
   * @param baseUri the URI the issuer's lists start with, such as {@code
   *     https://licensing.example.com/status}, without a {@code /} at its end
   * @return the source
   * @throws IllegalArgumentException if the base URI is blank or ends with {@code /}
   */
  static StatusSource fromFolder(Path folder, String baseUri) {
    return new FolderStatusLists(folder, baseUri);
  }

  /**
   * The tokens of every list under a trusted URL prefix, each fetched when a proof names it and
   * cached for its {@code ttl}; a proof that names a list outside the prefix is refused as {@link
   * StatusSourceException.Reason#STATUS_LIST_UNTRUSTED} and nothing is fetched.
   *
   * @param prefix the prefix, such as {@code https://licensing.example.com/status/}
   * @return the source, with {@link RemoteStatusList}'s defaults
   * @throws IllegalArgumentException as {@link RemoteStatusList#under(URI)} does
   */
  static RemoteStatusList fromUrlsUnder(URI prefix) {
    return RemoteStatusList.under(prefix).build();
  }

  /**
   * A token fetched from a URL and cached for its {@code ttl}.
   *
   * @param url the URL, {@code https} (plain {@code http} only on the loopback interface)
   * @return the source, with {@link RemoteStatusList}'s defaults
   */
  static RemoteStatusList fromUrl(URI url) {
    return RemoteStatusList.builder(url).build();
  }
}
