package dev.openproof.jwt;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * A folder of signed proofs, one file per proof: {@code <license_number>.jwt} holds the compact JWS
 * and a line feed, as {@code openproof verify} and partners read it. A file is written beside its
 * name and renamed over it, so a crash never leaves half a token; a proof already written is kept.
 *
 * @since 0.1.0
 */
public final class ProofFiles {
  private ProofFiles() {}

  /**
   * The file of a proof in a folder.
   *
   * @param dir the folder
   * @param proof the proof
   * @return {@code dir/<license_number>.jwt}
   */
  public static Path fileOf(Path dir, LicenseProof proof) {
    return dir.resolve(proof.licenseNumber().value() + ".jwt");
  }

  /**
   * Writes a proof's file unless it is there.
   *
   * @param dir the folder, created where missing
   * @param proof the proof
   * @param signed its signed form
   * @return the file
   * @throws UncheckedIOException if it cannot be written
   */
  public static Path write(Path dir, LicenseProof proof, SignedProof signed) {
    Objects.requireNonNull(signed, "signed");
    Path file = fileOf(dir, proof);
    try {
      if (Files.isRegularFile(file)) {
        return file;
      }
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".proof-", ".tmp");
      try {
        Files.writeString(temp, signed.token() + "\n", StandardCharsets.US_ASCII);
        try {
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
