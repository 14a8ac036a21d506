package dev.openproof.examples.cli;

import dev.openproof.jwt.key.KeyFolder;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code openproof keys rotate} and {@code keys retire} on a key folder: {@code signing-key.jwk} is
 * the active private key, {@code jwks.json} the published public keys, active first; a rotated-out
 * private key is kept, owner-only, as {@code retired/<kid>.jwk} until it is retired.
 */
final class KeysRotation {
  private KeysRotation() {}

  /** The key ring of a folder: its active key and the other public keys of its {@code jwks.json}. */
  static KeyRing ring(Path dir) {
    return KeyFolder.ring(dir);
  }

  /** {@code openproof keys rotate --dir DIR}. */
  @Command(name = "rotate", header = "Make a new active signing key.", description =
      "Makes a new active key of the same algorithm. The previous one stays in jwks.json, so that the proofs"
          + " it signed still verify, until 'keys retire KID'.")
  static final class Rotate implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", required = true, description = "The key folder (signing-key.jwk, jwks.json).")
    Path dir;

    @Override
    public Integer call() throws Exception {
      SigningKey previous = ring(dir).active();
      SigningKey next = KeyFolder.rotate(dir).active();
      spec.commandLine().getOut().printf("active key %s (%s); %s kept in %s for verification until retired%n",
          next.keyId(), next.algorithm().joseName(), previous.keyId(), KeysCommand.JWKS);
      return 0;
    }
  }

  /** {@code openproof keys retire KID --dir DIR}. */
  @Command(name = "retire", header = "Remove a rotated-out key.", description =
      "Removes a rotated-out key from jwks.json and its private key from retired/. The proofs it signed no"
          + " longer verify (UNKNOWN_KEY).")
  static final class Retire implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "KID", description = "The key's id.")
    String kid;

    @Option(names = "--dir", required = true, description = "The key folder (signing-key.jwk, jwks.json).")
    Path dir;

    @Override
    public Integer call() throws Exception {
      KeyFolder.retire(dir, kid);
      spec.commandLine().getOut().printf("retired key %s: proofs it signed no longer verify%n", kid);
      return 0;
    }
  }
}
