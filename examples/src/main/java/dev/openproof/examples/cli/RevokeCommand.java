package dev.openproof.examples.cli;

import dev.openproof.core.fulfillment.LicenseFulfillment;
import dev.openproof.core.memory.RecordingProofDelivery;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.Revocation;
import dev.openproof.examples.demo.IssuerFolder;
import dev.openproof.examples.demo.SiteFolder;
import dev.openproof.jwt.key.KeyFolder;
import dev.openproof.jdbc.JdbcProofLedger;
import dev.openproof.jdbc.JdbcStatusLists;
import dev.openproof.jwt.JwsProofSigner;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.key.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code openproof revoke PROOF_ID|LICENSE_NUMBER [--dir DIR] [--reason TEXT]}: revokes a proof and
 * publishes the status lists. A license number names the proof the demo wrote to
 * {@code DIR/proofs/<license_number>.jwt}.
 */
@Command(name = "revoke", header = "Revoke the proof of a returned order.", description =
    "Revokes a proof of the demo's folder and publishes its status lists to DIR/status/, so that verifiers"
        + " reject the proof from then on.")
final class RevokeCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(paramLabel = "PROOF_ID|LICENSE_NUMBER",
      description = "The proof's id (its jti), or the license number of a proof in DIR/proofs/.")
  String proofId;

  @Option(names = "--dir", defaultValue = "openproof-demo", description = "The demo's folder; default ${DEFAULT-VALUE}.")
  Path dir;

  @Option(names = "--reason", defaultValue = "order returned", description = "Why; default ${DEFAULT-VALUE}.")
  String reason;

  @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER, description = "The issuer; default ${DEFAULT-VALUE}.")
  String issuer;

  @Option(names = "--key", paramLabel = "FILE",
      description = "The signing key, when the folder has none of its own (an 'issue --key' folder).")
  @Nullable Path keyFile;

  @Override
  public Integer call() throws Exception {
    SigningKey key = IssuerFolder.activeKey(dir, keyFile);
    try (JdbcProofLedger ledger = JdbcProofLedger.h2File(dir.resolve("ledger"))) {
      JdbcStatusLists lists = ledger.statusLists(IssuerFolder.statusBase(issuer));
      LicenseFulfillment fulfillment = LicenseFulfillment.builder()
          .signer(JwsProofSigner.of(key, issuer))
          .ledger(ledger)
          .delivery(RecordingProofDelivery.create(java.time.Clock.systemUTC())) // revoking sends nothing
          .statusLists(lists)
          .build();
      Revocation revocation = fulfillment.revoke(target(), reason);
      spec.commandLine().getOut().println("revoked " + revocation.proofId() + " at " + revocation.revokedAt() + ": " + revocation.reason());
      for (Path file : IssuerFolder.publish(dir, lists, key, issuer)) {
        spec.commandLine().getOut().println("published " + file);
      }
      SiteFolder.refresh(dir, issuer).ifPresent(site -> spec.commandLine().getOut().println("refreshed " + site));
    }
    return 0;
  }

  /** The proof named: by its id, or by the license number of a proof file the folder holds (checked first). */
  private ProofId target() throws IOException {
    Path file = dir.resolve("proofs").resolve(proofId + ".jwt");
    if (!proofId.chars().allMatch(Character::isDigit) || !Files.isRegularFile(file)) {
      return ProofId.of(proofId);
    }
    ProofVerifier verifier = ProofVerifier.builder()
        .trustedKeys(dir.resolve(KeyFolder.JWKS))
        .expectedIssuer(issuer)
        .build();
    return verifier.verify(Files.readString(file, StandardCharsets.US_ASCII).strip()).proof().proofId();
  }
}
