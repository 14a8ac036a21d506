package dev.openproof.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The API keys that may write, kept only as SHA-256 hashes; a presented key is hashed and
 * compared with each in constant time. Thread-safe.
 */
final class ApiKeys {
  static final String KEY_FILE = "api-key";
  static final String HASH_FILE = "api-key.sha256";
  private static final int MAX_KEY_LENGTH = 200;

  private final List<byte[]> hashes;
  private final @Nullable Path writtenTo;
  private final String source;

  private ApiKeys(List<byte[]> hashes, @Nullable Path writtenTo, String source) {
    this.hashes = List.copyOf(hashes);
    this.writtenTo = writtenTo;
    this.source = source;
  }

  /** The keys of the given hashes. */
  static ApiKeys ofHashes(List<String> hex) {
    List<byte[]> hashes = new ArrayList<>();
    for (String h : hex) {
      hashes.add(HexFormat.of().parseHex(h.toLowerCase(Locale.ROOT)));
    }
    return new ApiKeys(hashes, null, "openproof.service.api-key-hashes");
  }

  /**
   * The key whose hash is in {@code dir/api-key.sha256}; at first start, a new key, written once
   * to {@code dir/api-key} (owner-only) with its hash beside it.
   */
  static ApiKeys inFolder(Path dir) {
    Path hashFile = dir.resolve(HASH_FILE);
    try {
      if (Files.exists(hashFile)) {
        String hex = Files.readString(hashFile, StandardCharsets.US_ASCII).trim();
        return new ApiKeys(List.of(HexFormat.of().parseHex(hex)), null, hashFile.toString());
      }
      Files.createDirectories(dir);
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String key = "opk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Path keyFile = dir.resolve(KEY_FILE);
      writeOwnerOnly(keyFile, key + "\n");
      byte[] hash = sha256(key);
      Files.writeString(hashFile, HexFormat.of().formatHex(hash) + "\n", StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new ApiKeys(List.of(hash), keyFile, hashFile.toString());
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(e.getFile() + " exists without " + hashFile + ": remove it or restore the hash", e);
    } catch (IOException e) {
      throw new UncheckedIOException("the API key in " + dir + " cannot be read or written", e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(hashFile + " does not hold a SHA-256 hash in hex", e);
    }
  }

  private static void writeOwnerOnly(Path file, String text) throws IOException {
    try {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the folder's own permissions protect the key.
      Files.createFile(file);
    }
    Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /** Whether a presented key is one of these, compared as hashes in constant time. */
  boolean matches(String presented) {
    if (presented.isEmpty() || presented.length() > MAX_KEY_LENGTH) {
      return false;
    }
    byte[] hash = sha256(presented);
    boolean match = false;
    for (byte[] known : hashes) {
      match |= MessageDigest.isEqual(known, hash);
    }
    return match;
  }

  /** Where a key generated now was written, if one was. */
  @Nullable Path writtenTo() {
    return writtenTo;
  }

  /** Where the hashes come from, for the start-up lines. */
  String source() {
    return source;
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  @Override
  public String toString() {
    return "ApiKeys[" + hashes.size() + " from " + source + "]";
  }
}
