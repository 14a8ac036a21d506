package dev.openproof.examples.cli;

import dev.openproof.certificate.ProofCertificate;
import dev.openproof.core.model.SignedProof;
import dev.openproof.examples.demo.DemoCertificates;
import dev.openproof.jwt.ProofVerificationException;
import dev.openproof.jwt.ProofVerifier;
import dev.openproof.jwt.VerifiedProof;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code openproof certificate PROOF.jwt [--out FILE.pdf] [--lang xx] [--jwks FILE] [--issuer ISS]
 * [--site URL]}: verifies the proof, then writes its printable certificate. Exit 0 when written, 1
 * when the proof does not verify or the file cannot be written.
 */
@Command(name = "certificate", header = "Write the printable PDF certificate of a license proof.", description =
    "Verifies the proof first, against the jwks.json beside it or --jwks, and writes no certificate of a proof"
        + " that does not verify. The page is in the customer's language unless --lang names another, and its QR"
        + " code opens the issuer's verification page with the token.")
final class CertificateCommand implements Callable<Integer> {
  private static final int MAX_FILE_BYTES = 1 << 20;

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PROOF.jwt", description = "The file holding the proof's compact JWS.")
  Path proofFile;

  @Option(names = "--out", paramLabel = "FILE.pdf",
      description = "Where to write the certificate; default certificate-<license number>.pdf beside the proof.")
  Path out;

  @Option(names = "--lang", paramLabel = "xx",
      description = "Language: en, ru, de, fr or es (any other gives English); default the customer's country's.")
  String language;

  @Option(names = "--jwks", paramLabel = "FILE",
      description = "The issuer's public JWK Set; default jwks.json in the proof's folder or the one above it (the demo's layout).")
  Path jwks;

  @Option(names = "--issuer", defaultValue = OpenProofCommand.DEFAULT_ISSUER, description = "The expected issuer (iss); default ${DEFAULT-VALUE}.")
  String issuer;

  @Option(names = "--site", paramLabel = "URL", description = "The issuer's site that the QR code opens; default the issuer.")
  URI site;

  @Override
  public Integer call() throws IOException {
    if (language != null && !language.matches("[A-Za-z]{2,3}")) {
      throw new ParameterException(spec.commandLine(), "--lang takes a two-letter language code such as ru, not " + language);
    }
    if (!Files.isRegularFile(proofFile)) {
      throw new ParameterException(spec.commandLine(), "no such proof file: " + proofFile);
    }
    Path keys = jwks != null ? jwks : defaultJwks();
    String token = read(proofFile);
    VerifiedProof verified;
    try {
      verified = ProofVerifier.builder().trustedKeys(keys).expectedIssuer(issuer).build().verify(token);
    } catch (ProofVerificationException e) {
      spec.commandLine().getErr().println("openproof: " + proofFile + ": INVALID " + e.reasonCode() + ": " + e.getMessage());
      return 1;
    }
    ProofCertificate certificates = ProofCertificate.builder()
        .issuerSite(site != null ? site : DemoCertificates.siteOf(issuer)).issuer(issuer).build();
    SignedProof signed = new SignedProof(verified.proof().proofId(), token, verified.algorithm().joseName(), verified.keyId());
    byte[] pdf = language == null ? certificates.render(verified.proof(), signed)
        : certificates.render(verified.proof(), signed, Locale.forLanguageTag(language.toLowerCase(Locale.ROOT)));
    Path target = out != null ? out : sibling(proofFile, ProofCertificate.fileName(verified.proof()));
    Files.write(target, pdf);
    spec.commandLine().getOut().println(target + ": certificate of license " + verified.proof().licenseNumber()
        + " (" + pdf.length + " bytes)");
    return 0;
  }

  private Path defaultJwks() {
    Path folder = proofFile.toAbsolutePath().getParent();
    for (Path dir : new Path[] {folder, folder == null ? null : folder.getParent()}) {
      if (dir != null && Files.isRegularFile(dir.resolve("jwks.json"))) {
        return dir.resolve("jwks.json");
      }
    }
    throw new ParameterException(spec.commandLine(), "no jwks.json beside " + proofFile + " nor in the folder above: name it with --jwks");
  }

  private static Path sibling(Path file, String name) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(name) : parent.resolve(name);
  }

  /** The token in the file, at most 1 MiB read, without the line break an editor may add at its end. */
  private static String read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
        : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
