package dev.openproof.jwt.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a Status List Token file within the size limit, whatever the file is (a device, a pipe). */
final class TokenFiles {
  private TokenFiles() {}

  /**
   * The file's bytes.
   *
   * @throws StatusSourceException if it cannot be read or holds more than {@link StatusSource#MAX_TOKEN_BYTES}
   */
  static byte[] read(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(StatusSource.MAX_TOKEN_BYTES + 1);
    } catch (IOException e) {
      throw new StatusSourceException("cannot read the status list token " + file + " ("
          + (e instanceof NoSuchFileException ? "no such file" : Files.isDirectory(file) ? "it is a folder" : "I/O error") + ")");
    }
    if (bytes.length > StatusSource.MAX_TOKEN_BYTES) {
      throw new StatusSourceException("the status list token " + file + " is larger than " + StatusSource.MAX_TOKEN_BYTES + " bytes");
    }
    return bytes;
  }
}
