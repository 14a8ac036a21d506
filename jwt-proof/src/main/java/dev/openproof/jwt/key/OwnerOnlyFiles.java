package dev.openproof.jwt.key;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Writes files that hold private keys: owner read and write only (POSIX 0600) where supported. */
final class OwnerOnlyFiles {
  private static final Set<PosixFilePermission> OWNER_RW =
      Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private OwnerOnlyFiles() {}

  /**
   * Writes {@code content} to a new file beside {@code file}, created 0600, then moves it over {@code
   * file}: at no time does the content sit in a file others may read.
   */
  static void write(Path file, byte[] content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    Path temp = posix
        ? Files.createTempFile(dir, ".openproof-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_RW))
        : Files.createTempFile(dir, ".openproof-", ".tmp");
    try {
      Files.write(temp, content);
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      if (posix) {
        Files.setPosixFilePermissions(file, OWNER_RW);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
