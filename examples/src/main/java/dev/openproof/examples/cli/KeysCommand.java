package dev.openproof.examples.cli;

import dev.openproof.jwt.key.JwsAlgorithm;
import dev.openproof.jwt.key.KeyFolder;
import dev.openproof.jwt.key.SigningKey;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code openproof keys}: the issuer's signing keys. */
@Command(name = "keys", header = "Manage signing keys.", description =
    "Generate a signing key, rotate to a new one while the old one still verifies, and retire a key that"
        + " is no longer needed.",
    subcommands = {KeysCommand.Generate.class, KeysRotation.Rotate.class, KeysRotation.Retire.class})
final class KeysCommand implements Runnable {
  /** The file of the active private key inside a key folder. */
  static final String SIGNING_KEY = KeyFolder.SIGNING_KEY;
  /** The file of the public JWK Set inside a key folder. */
  static final String JWKS = KeyFolder.JWKS;

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a keys command is required: generate, rotate or retire");
  }

  /** {@code openproof keys generate --alg ALG --out DIR}. */
  @Command(name = "generate", header = "Generate a signing key.", description =
      "Writes DIR/" + SIGNING_KEY + " (the private JWK, readable by its owner only) and DIR/" + JWKS
          + " (the public JWK Set).")
  static final class Generate implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--alg", defaultValue = "ES256",
        description = "ES256 (default), EdDSA, RS256 or PS256.")
    String algorithm;

    @Option(names = "--out", required = true, description = "The folder to write the key to.")
    Path out;

    @Override
    public Integer call() throws Exception {
      JwsAlgorithm alg = JwsAlgorithm.fromJoseName(algorithm).orElseThrow(() ->
          new ParameterException(spec.commandLine(), "unknown --alg " + algorithm + ": use ES256, EdDSA, RS256 or PS256"));
      SigningKey key = KeyFolder.generate(out, alg);
      spec.commandLine().getOut().printf("generated %s key %s%n  private: %s%n  public:  %s%n",
          alg.joseName(), key.keyId(), out.resolve(SIGNING_KEY), out.resolve(JWKS));
      return 0;
    }
  }
}
