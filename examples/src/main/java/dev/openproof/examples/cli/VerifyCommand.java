package dev.openproof.examples.cli;

import dev.openproof.core.model.LicenseSummary;
import dev.openproof.jwt.LicenseSummaryTokens;
import dev.openproof.jwt.ProofVerificationException;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.VerifiedProof;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.status.StatusSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code openproof verify --jwks FILE [--issuer ISS] [--status FILE|URL] TOKEN_FILE…}: one line per
 * token, {@code FILE: VALID <license_number> (<status>)} or {@code FILE: INVALID <REASON_CODE>:
 * <message>}; exit 0 when all are valid, 1 when any is not.
 */
@Command(name = "verify", description = "Verify license proofs, and license summaries, offline against the issuer's public keys.")
final class VerifyCommand implements Callable<Integer> {
  private static final int MAX_FILE_BYTES = 1 << 20;

  @Spec
  private CommandSpec spec;

  @Option(names = "--jwks", required = true, description = "The issuer's public JWK Set (jwks.json).")
  Path jwks;

  @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER,
      description = "The expected issuer (iss); default ${DEFAULT-VALUE}.")
  String issuer;

  @Option(names = "--status", paramLabel = "FILE|URL",
      description = "The issuer's Status List Token (a file, or an https URL): revoked and suspended proofs are rejected.")
  String status;

  @Parameters(arity = "1..*", paramLabel = "TOKEN_FILE", description = "Files each holding one compact JWS.")
  List<Path> tokens;

  @Override
  public Integer call() {
    ProofVerifier.Builder builder = ProofVerifier.builder().trustedKeys(jwks).expectedIssuer(issuer);
    if (status != null) {
      builder.statusSource(status.startsWith("https://") || status.startsWith("http://")
          ? StatusSource.fromUrl(URI.create(status)) : StatusSource.fromFile(Path.of(status)));
    }
    ProofVerifier verifier = builder.build();
    PrintWriter out = spec.commandLine().getOut();
    boolean allValid = true;
    for (Path file : tokens) {
      String line;
      try {
        String token = read(file);
        if (LicenseSummaryTokens.isSummary(token)) {
          out.println(file + ": " + summaryLine(token));
          continue;
        }
        VerifiedProof verified = verifier.verify(token);
        line = "VALID " + verified.proof().licenseNumber() + switch (verified.statusCheck()) {
          case VALID -> " (status valid)";
          case NOT_CHECKED -> " (status not checked)";
          case NO_STATUS_LIST -> " (no status list)";
        };
      } catch (ProofVerificationException e) {
        allValid = false;
        line = "INVALID " + e.reasonCode() + ": " + e.getMessage();
      } catch (IOException e) {
        allValid = false;
        line = "INVALID UNREADABLE: cannot read the file (" + e.getClass().getSimpleName() + ")";
      }
      out.println(file + ": " + line);
    }
    out.flush();
    return allValid ? 0 : 1;
  }

  /** A license summary's line: {@code VALID license summary of customer C-1 as of …, N entitlements}. */
  private String summaryLine(String token) {
    LicenseSummary summary = LicenseSummaryTokens.verify(token, Jwks.read(jwks), issuer);
    String subject = summary.customer().map(c -> "customer " + c)
        .orElseGet(() -> "authorization " + summary.authorizationNumber().orElseThrow());
    return "VALID license summary of " + subject + " as of " + summary.asOf() + ", " + summary.lines().size()
        + (summary.lines().size() == 1 ? " entitlement" : " entitlements");
  }

  /** The token in the file, without the line break an editor or {@code echo} may add at its end. */
  private static String read(Path file) throws IOException {
    if (Files.size(file) > MAX_FILE_BYTES) {
      // Longer than any token the verifier accepts: hand it just enough to say so.
      try (var in = Files.newInputStream(file)) {
        return new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.ISO_8859_1);
      }
    }
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
        : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
