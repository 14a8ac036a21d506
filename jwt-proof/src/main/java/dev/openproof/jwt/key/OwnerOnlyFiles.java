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

/**
 * Writes key files by write-then-rename, so that a symbolic link planted at the name is replaced,
 * never followed: files that hold private keys owner read and write only (POSIX 0600), public ones
 * 0644, whatever the umask, where supported.
 */
final class OwnerOnlyFiles {
  private static final Set<PosixFilePermission> OWNER_RW =
      Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

  private OwnerOnlyFiles() {}

  /**
   * Writes {@code content} to a new file beside {@code file}, created 0600, then moves it over {@code
   * file}: at no time does the content sit in a file others may read.
   */
  static void write(Path file, byte[] content) throws IOException {
    write(file, content, OWNER_RW);
  }

  /** Writes a file that holds no secret, readable by all (0644). */
  static void writePublic(Path file, byte[] content) throws IOException {
    write(file, content, PUBLIC);
  }

  /** Creates a folder for keys, or checks one: owner-only (0700) where supported, never a link. */
  static Path ownerOnlyFolder(Path dir) throws IOException {
    if (Files.isSymbolicLink(dir)) {
      throw new IOException(dir + " is a symbolic link; a key folder must be a real folder");
    }
    boolean created = !Files.exists(dir);
    Files.createDirectories(dir);
    if (created && Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(dir, OWNER_RWX);
    }
    return dir;
  }

  /**
   * Whether others than the owner may read or write the file (POSIX); {@code false} where the file
   * system has no POSIX permissions.
   */
  static boolean othersMayRead(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return false;
    }
    Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
    return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)
        || p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE);
  }

  private static void write(Path file, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
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
        Files.setPosixFilePermissions(file, permissions);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
