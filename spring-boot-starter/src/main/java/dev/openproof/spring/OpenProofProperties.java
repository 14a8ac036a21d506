package dev.openproof.spring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code openproof.*} properties. With none set, the starter runs on embedded defaults under
 * {@link #getDir() openproof.dir}: a generated key folder, an H2 ledger file where the application
 * has no {@code DataSource}, and an in-process SMTP sandbox where GreenMail is on the class path.
 * A value that breaks a rule stops the start-up with a message that names the property.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "openproof")
@Validated
public class OpenProofProperties {
  /** Folder of the embedded defaults: the generated key folder, the H2 ledger without a DataSource, the sandbox's mail. */
  @NotNull
  private Path dir = Path.of("openproof-service");

  /** Issuer of the proofs (their iss claim): an http(s) URL that partners trust. */
  @NotBlank
  @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?", message = "must be an http or https URL without query or fragment")
  private String issuer = "https://licensing.example.test";

  /**
   * The issuer's public site, where this application serves /.well-known/jwks.json and /status/{n}:
   * named in the mails and in each proof's status list URI.
   */
  @NotNull
  private URI siteUrl = URI.create("http://localhost:8080");

  @Valid
  @NestedConfigurationProperty
  private final KeysProperties keys = new KeysProperties();

  @Valid
  @NestedConfigurationProperty
  private final SmtpProperties smtp = new SmtpProperties();

  @Valid
  @NestedConfigurationProperty
  private final LedgerProperties ledger = new LedgerProperties();

  @Valid
  @NestedConfigurationProperty
  private final StatusProperties status = new StatusProperties();

  @Valid
  @NestedConfigurationProperty
  private final DeliveryProperties delivery = new DeliveryProperties();

  @Valid
  @NestedConfigurationProperty
  private final SupportProperties support = new SupportProperties();

  @Valid
  @NestedConfigurationProperty
  private final CertificateProperties certificate = new CertificateProperties();

  /** Creates the properties with their defaults. */
  public OpenProofProperties() {}

  /** @return the folder of the embedded defaults */
  public Path getDir() {
    return dir;
  }

  /** @param dir the folder of the embedded defaults */
  public void setDir(Path dir) {
    this.dir = dir;
  }

  /** @return the issuer of the proofs */
  public String getIssuer() {
    return issuer;
  }

  /** @param issuer the issuer of the proofs */
  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  /** @return the issuer's public site */
  public URI getSiteUrl() {
    return siteUrl;
  }

  /** @param siteUrl the issuer's public site */
  public void setSiteUrl(URI siteUrl) {
    this.siteUrl = siteUrl;
  }

  /** @return the signing keys */
  public KeysProperties getKeys() {
    return keys;
  }

  /** @return the SMTP server */
  public SmtpProperties getSmtp() {
    return smtp;
  }

  /** @return the ledger */
  public LedgerProperties getLedger() {
    return ledger;
  }

  /** @return the status lists */
  public StatusProperties getStatus() {
    return status;
  }

  /** @return the delivery and its schedule */
  public DeliveryProperties getDelivery() {
    return delivery;
  }

  /** @return the support contacts */
  public SupportProperties getSupport() {
    return support;
  }

  /** @return the PDF certificate of the proof mail */
  public CertificateProperties getCertificate() {
    return certificate;
  }

  /**
   * The site of the verification page, which the certificate's QR code and the mail open: {@code
   * openproof.site-url} where it is {@code https} (a certificate names no other kind), else the
   * issuer where that is.
   */
  URI verificationSite() {
    URI site = siteUrl;
    if ("https".equalsIgnoreCase(site.getScheme())) {
      return checked("openproof.site-url", site);
    }
    URI iss = URI.create(issuer);
    if ("https".equalsIgnoreCase(iss.getScheme())) {
      return checked("openproof.issuer", iss);
    }
    throw Properties.invalid("openproof.site-url", site,
        "must be an https address for the certificate's QR code (or the issuer must be one); or set openproof.certificate.enabled=false");
  }

  private static URI checked(String property, URI site) {
    if (site.getHost() == null || site.getRawQuery() != null || site.getRawFragment() != null) {
      throw Properties.invalid(property, site, "must be an https address with a host and no query or fragment");
    }
    return site;
  }

  /** The site URL without a trailing slash, the base of the published paths. */
  String site() {
    String s = siteUrl.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The base URI of the status lists: {@code <site>/status}, each list {@code <site>/status/<n>}. */
  String statusBase() {
    return site() + "/status";
  }

  /** The key folder: {@code openproof.keys.dir}, or {@code <dir>/keys}. */
  Path keyDir() {
    return keys.getDir() != null ? keys.getDir() : dir.resolve("keys");
  }
}
