package dev.openproof.examples.demo;

import dev.openproof.certificate.site.SiteWriter;
import dev.openproof.jwt.key.KeyFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The issuer's verification site, written from its folder as published: {@code jwks.json} and the
 * signed status lists of {@code status/}, with {@code verify.html}; by default to {@code site/}.
 *
 * @since 0.1.0
 */
public final class SiteFolder {
  /** The site's folder within the issuer's folder. */
  public static final String SITE = "site";

  private SiteFolder() {}

  /**
   * Writes the site of an issuer's folder.
   *
   * @param dir the issuer's folder, with {@code jwks.json} and {@code status/}
   * @param site where to write the site
   * @param issuer the issuer the page accepts
   * @param embedKeys whether the page carries the keys itself, for use offline
   * @return the files written
   * @throws IllegalStateException if the folder has no {@code jwks.json}
   * @throws IOException if a file cannot be read or written
   */
  public static List<Path> write(Path dir, Path site, String issuer, boolean embedKeys) throws IOException {
    Path jwks = dir.resolve(KeyFolder.JWKS);
    if (!Files.isRegularFile(jwks)) {
      throw new IllegalStateException(jwks + " does not exist: run the demo in " + dir + " first");
    }
    SiteWriter.Builder writer = SiteWriter.builder().issuer(issuer).statusBase(IssuerFolder.statusBase(issuer))
        .jwks(Files.readString(jwks, StandardCharsets.UTF_8)).embedKeys(embedKeys);
    Path status = dir.resolve("status");
    if (Files.isDirectory(status)) {
      try (Stream<Path> files = Files.list(status)) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jwt")).sorted().toList()) {
          String name = file.getFileName().toString();
          writer.statusList(name.substring(0, name.length() - 4), Files.readString(file, StandardCharsets.US_ASCII));
        }
      }
    }
    return writer.build().writeTo(site);
  }

  /**
   * Writes the site to the folder's {@code site/}, the keys embedded, when the folder has one (the
   * demo writes it): after a revocation, the site must say so.
   *
   * @param dir the issuer's folder
   * @param issuer the issuer the page accepts
   * @return the folder of the site, or empty when the folder has no site
   * @throws IOException if a file cannot be read or written
   */
  public static Optional<Path> refresh(Path dir, String issuer) throws IOException {
    Path site = dir.resolve(SITE);
    if (!Files.isDirectory(site)) {
      return Optional.empty();
    }
    write(dir, site, issuer, true);
    return Optional.of(site);
  }

  /**
   * Writes the site to the folder's {@code site/}, the keys embedded, whether or not it was there.
   *
   * @param dir the issuer's folder
   * @param issuer the issuer the page accepts
   * @throws IOException if a file cannot be read or written
   */
  public static void create(Path dir, String issuer) throws IOException {
    write(dir, dir.resolve(SITE), issuer, true);
  }
}
