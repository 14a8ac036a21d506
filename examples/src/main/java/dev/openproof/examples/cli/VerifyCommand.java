package dev.openproof.examples.cli;

import dev.openproof.core.model.LicenseSummary;
import dev.openproof.examples.demo.IssuerFolder;
import dev.openproof.jwt.LicenseSummaryTokens;
import dev.openproof.jwt.ProofVerificationException;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.VerifiedProof;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.jwt.status.StatusSource;
import java.io.IOException;
import java.io.InputStream;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code openproof verify --jwks FILE [--issuer ISS] [--status FILE|DIR|URL] TOKEN_FILE…}: one line per
 * token, {@code FILE: VALID <license_number> (<status>)} or {@code FILE: INVALID <REASON_CODE>:
 * <message>}; exit 0 when all are valid, 1 when any is not. {@code --status} takes one list's token
 * (a file or a URL), or every list of the issuer: a folder of {@code <n>.jwt} files for the lists
 * {@code <issuer>/status/<n>}, or a URL ending in {@code /} under which the lists a proof names are
 * fetched; a list outside it is refused, never read.
 */
@Command(name = "verify", header = "Verify license proofs and license summaries offline.", description =
    "Checks each token file against the issuer's public keys and, with --status, its status list. Prints"
        + " 'FILE: VALID' with the license number, or 'FILE: INVALID' with the reason, for each file,"
        + " and exits 1 when any is invalid.")
final class VerifyCommand implements Callable<Integer> {
  private static final int MAX_FILE_BYTES = 1 << 20;

  @Spec
  private CommandSpec spec;

  @Option(names = "--jwks", required = true, description = "The issuer's public JWK Set (jwks.json).")
  Path jwks;

  @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER,
      description = "The expected issuer (iss); default ${DEFAULT-VALUE}.")
  String issuer;

  @Option(names = "--status", paramLabel = "FILE|DIR|URL", description =
      "The issuer's status lists: revoked and suspended proofs are rejected. One list's token (a file, or an https URL),"
          + " or every list: a folder of <n>.jwt files (the demo's status/), or an https URL ending in / under which"
          + " the list each proof names is fetched. A list outside the folder or the URL is refused, never read.")
  String status;

  @Parameters(arity = "1..*", paramLabel = "TOKEN_FILE", description = "Files each holding one compact JWS.")
  List<Path> tokens;

  @Override
  public Integer call() {
    ProofVerifier.Builder builder = ProofVerifier.builder().trustedKeys(jwks).expectedIssuer(issuer);
    if (status != null) {
      builder.statusSource(statusSource());
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
      } catch (TooLarge e) {
        allValid = false;
        line = "INVALID TOO_LARGE: the file holds more than " + MAX_FILE_BYTES + " bytes; a token is at most "
            + ProofVerifier.DEFAULT_MAX_TOKEN_LENGTH + " characters";
      } catch (IOException e) {
        allValid = false;
        line = "INVALID UNREADABLE: cannot read the file (" + (e instanceof java.nio.file.NoSuchFileException ? "no such file"
            : Files.isDirectory(file) ? "it is a folder" : e.getClass().getSimpleName()) + ")";
      }
      out.println(file + ": " + line);
    }
    out.flush();
    return allValid ? 0 : 1;
  }

  /** A license summary's line: {@code VALID license summary of customer C-1 as of …, N entitlements}. */
  private String summaryLine(String token) {
    LicenseSummary summary = LicenseSummaryTokens.verify(token, Jwks.read(jwks), issuer);
    String subject = summary.forCustomer().map(c -> "customer " + c)
        .orElseGet(() -> "authorization " + summary.forAuthorization().orElseThrow());
    return "VALID license summary of " + subject + " as of " + summary.asOf() + ", " + summary.lines().size()
        + (summary.lines().size() == 1 ? " entitlement" : " entitlements");
  }

  private StatusSource statusSource() {
    if (status.startsWith("https://") || status.startsWith("http://")) {
      URI url;
      try {
        url = new URI(status);
      } catch (java.net.URISyntaxException e) {
        throw new ParameterException(spec.commandLine(), "--status: not a URL: " + status);
      }
      return status.endsWith("/") ? StatusSource.fromUrlsUnder(url) : StatusSource.fromUrl(url);
    }
    Path path = Path.of(status);
    return Files.isDirectory(path) ? StatusSource.fromFolder(path, IssuerFolder.statusBase(issuer)) : StatusSource.fromFile(path);
  }

  /**
   * The token in the file, without the line break an editor or {@code echo} may add at its end. No
   * more than the size limit and one byte is read, so that a device or a pipe that never ends gives
   * one line, not an exhausted memory.
   */
  private static String read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new TooLarge();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
        : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /** The file holds more than any token the verifier accepts. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
