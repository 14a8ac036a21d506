package dev.openproof.examples.cli;

import dev.openproof.examples.demo.KeyFolder;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.key.KeyFiles;
import dev.openproof.jwt.key.KeyRing;
import dev.openproof.jwt.key.SigningKey;
import java.nio.file.Files;
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
      KeyRing before = ring(dir);
      SigningKey previous = before.active();
      SigningKey next = SigningKey.generate(previous.algorithm());
      KeyRing after = before.rotate(next);
      Path retired = Files.createDirectories(dir.resolve("retired"));
      KeyFiles.writeJwk(retired.resolve(previous.keyId() + ".jwk"), previous);
      Jwks.write(dir.resolve(KeysCommand.JWKS), after.publicJwks());
      KeyFiles.writeJwk(dir.resolve(KeysCommand.SIGNING_KEY), next);
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
      KeyRing ring = ring(dir);
      if (ring.retired().stream().noneMatch(key -> key.getKeyID().equals(kid))) {
        throw new IllegalArgumentException(ring.active().keyId().equals(kid)
            ? "key " + kid + " is the active key: rotate first" : "no key " + kid + " in " + dir.resolve(KeysCommand.JWKS));
      }
      Jwks.write(dir.resolve(KeysCommand.JWKS), ring.drop(kid).publicJwks());
      Files.deleteIfExists(dir.resolve("retired").resolve(kid + ".jwk"));
      spec.commandLine().getOut().printf("retired key %s: proofs it signed no longer verify%n", kid);
      return 0;
    }
  }
}
