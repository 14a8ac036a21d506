package dev.openproof.certificate;

import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.SignedProof;
import dev.openproof.core.exchange.Attachment;
import dev.openproof.core.port.ProofAttachments;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jspecify.annotations.Nullable;

/**
 * Renders a signed proof as its printable certificate: one PDF/A-2b page in the customer's language
 * (English, Russian, German, French or Spanish; English for any other), on A4, or on Letter for
 * customers in the United States and Canada. The page names the licensee, the license, the order and
 * its chain, lists the products, says who issued and signed the proof, and carries a QR code that
 * opens the issuer's verification page with the token in the URL fragment
 * ({@code https://SITE/verify.html#<compact JWS>}), which a browser never sends to a server.
 *
 * <pre>{@code
 * ProofCertificate certificates = ProofCertificate.builder()
 *     .issuerSite(URI.create("https://licensing.vendor.example"))
 *     .build();
 * byte[] pdf = certificates.render(proof, signedProof);
 * }</pre>
 *
 * <p>Rendering is deterministic: the same proof gives the same bytes (the document id derives from
 * the token, the dates are the proof's). Fonts (DejaVu Serif, Latin and Cyrillic) are embedded as
 * subsets; a character they lack prints as {@code ?}. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ProofCertificate {
  /** The media type of a certificate. */
  public static final String MEDIA_TYPE = "application/pdf";
  /** The longest token a certificate is made of: 1 MiB of characters. */
  public static final int MAX_TOKEN_LENGTH = 1 << 20;

  private static final Set<String> LETTER_COUNTRIES = Set.of("US", "CA");
  private static final java.util.regex.Pattern COMPACT_JWS =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
  private static final Map<String, String> LANGUAGE_OF_COUNTRY = languages();

  private final Settings settings;

  private ProofCertificate(Settings settings) {
    this.settings = settings;
  }

  /**
   * Starts a configuration.
   *
   * @return a builder; the issuer's site is required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The certificate in the language of the customer's country (Russian for Russia, German for
   * Germany, and so on; English where none of the five is spoken or the country is unknown).
   *
   * @param proof the proof, as the token carries it
   * @param signed the signed proof of {@code proof}
   * @return the PDF's bytes
   * @throws CertificateException {@link CertificateException.Reason#CERTIFICATE_INVALID_INPUT} if the two do not go
   *     together, {@link CertificateException.Reason#CERTIFICATE_FAILED} if the PDF cannot be written
   */
  public byte[] render(LicenseProof proof, SignedProof signed) {
    Objects.requireNonNull(proof, "proof");
    return render(proof, signed, languageOf(proof.customer().country()));
  }

  /**
   * The certificate in a given language.
   *
   * @param proof the proof, as the token carries it
   * @param signed the signed proof of {@code proof}
   * @param language the language; one without texts gets English
   * @return the PDF's bytes
   * @throws CertificateException {@link CertificateException.Reason#CERTIFICATE_INVALID_INPUT} if the two do not go
   *     together, {@link CertificateException.Reason#CERTIFICATE_FAILED} if the PDF cannot be written
   */
  public byte[] render(LicenseProof proof, SignedProof signed, Locale language) {
    Page page = page(proof, signed, language);
    try {
      CertificateFonts fonts = CertificateFonts.forThread();
      CertificateTarget target = new CertificateTarget(fonts);
      try (Canvas canvas = new Canvas(target, fonts)) {
        CertificatePage.draw(canvas, page.content(), page.paper());
      }
      FaceEmbedding regular = PreparedFaces.forPage(fonts, fonts.regular, page.content().texts(), target.regularGlyphs);
      FaceEmbedding bold = PreparedFaces.forPage(fonts, fonts.bold, page.content().texts(), target.boldGlyphs);
      return CertificateFile.write(target, page.paper(), regular, bold, page.info());
    } catch (IOException e) {
      throw CertificateException.failed("the certificate of proof " + proof.proofId() + " could not be written: " + e.getMessage(), e);
    }
  }

  /**
   * The same certificate made as every one was before the certificate wrote its file itself: a PDFBox
   * document, its fonts subset when it is saved. The tests hold the two to the same look and text.
   */
  byte[] renderThroughPdfBox(LicenseProof proof, SignedProof signed, Locale language) {
    Page page = page(proof, signed, language);
    try (PDDocument document = new PDDocument(); CertificateFonts fonts = CertificateFonts.load(document)) {
      PDPage pdPage = new PDPage(page.paper());
      document.addPage(pdPage);
      try (Canvas canvas = new Canvas(document, pdPage, fonts)) {
        CertificatePage.draw(canvas, page.content(), page.paper());
      }
      fonts.subset();
      return PdfArchive.save(document, page.info());
    } catch (IOException e) {
      throw CertificateException.failed("the certificate of proof " + proof.proofId() + " could not be written: " + e.getMessage(), e);
    }
  }

  /** What a certificate prints, on which paper, with which metadata. */
  private record Page(CertificateContent content, PDRectangle paper, PdfArchive.Info info) {}

  private Page page(LicenseProof proof, SignedProof signed, Locale language) {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(signed, "signed");
    Objects.requireNonNull(language, "language");
    check(proof, signed);
    CertificateTexts texts = CertificateTexts.forLanguage(language);
    CertificateContent content = CertificateContent.of(proof, signed, texts, settings);
    PDRectangle paper = paperFor(proof.customer().country());
    String lang = texts.locale().toLanguageTag();
    UUID documentId = UUID.nameUUIDFromBytes(
        ("openproof-certificate:" + lang + ":" + paper.getWidth() + ":" + signed.token()).getBytes(StandardCharsets.US_ASCII));
    PdfArchive.Info info = new PdfArchive.Info(texts.text("title") + " " + proof.licenseNumber().value(),
        proof.licenseNumber().value(), proof.issuedAt(), lang, documentId, "OpenProof certificate", List.of(
            new PdfArchive.Property("licenseNumber", "The license number the certificate proves", proof.licenseNumber().value()),
            new PdfArchive.Property("proofId", "The id (jti) of the signed proof the certificate prints", proof.proofId().value())));
    return new Page(content, paper, info);
  }

  /**
   * The address the QR code opens: the verification page with the token in the fragment.
   *
   * @param signed the signed proof
   * @return {@code https://SITE/verify.html#<compact JWS>}
   */
  public URI verificationLink(SignedProof signed) {
    return URI.create(settings.verificationLink(Objects.requireNonNull(signed, "signed")));
  }

  /**
   * The certificates as a source of mail attachments: each delivery gets its proof's certificate,
   * named {@link #fileName(LicenseProof)}, in the recipient's language.
   *
   * @return the attachment source, to wire into a delivery adapter
   */
  public ProofAttachments attachments() {
    return request -> List.of(new Attachment(fileName(request.proof()), MEDIA_TYPE,
        render(request.proof(), request.signedProof(), request.recipient().language())));
  }

  /**
   * The file name of a proof's certificate: {@code certificate-<license number>.pdf}.
   *
   * @param proof the proof
   * @return the file name
   */
  public static String fileName(LicenseProof proof) {
    return "certificate-" + proof.licenseNumber().value() + ".pdf";
  }

  /**
   * The language of the certificate of a customer in a country: {@code ru}, {@code de}, {@code fr},
   * {@code es} where that language is spoken, else English.
   *
   * @param country ISO 3166-1 alpha-2 code, any case, or {@code null} when unknown
   * @return the language
   */
  public static Locale languageOf(@Nullable String country) {
    String language = country == null ? null : LANGUAGE_OF_COUNTRY.get(country.toUpperCase(Locale.ROOT));
    return language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
  }

  @Override
  public String toString() {
    return "ProofCertificate[site=" + settings.site() + ", issuer=" + settings.issuer() + "]";
  }

  /** The name of the proof's {@code .jwt} file in the mail, which the page tells the reader to drop. */
  static String proofFileName(LicenseProof proof) {
    return "license-proof-" + proof.licenseNumber().value() + ".jwt";
  }

  /** A4, or Letter for the United States and Canada. */
  static PDRectangle paperFor(@Nullable String country) {
    return country != null && LETTER_COUNTRIES.contains(country.toUpperCase(Locale.ROOT)) ? PDRectangle.LETTER : PDRectangle.A4;
  }

  private static void check(LicenseProof proof, SignedProof signed) {
    List<String> violations = new ArrayList<>();
    if (!proof.proofId().equals(signed.proofId())) {
      violations.add("the proof " + proof.proofId() + " and the signed proof " + signed.proofId() + " differ");
    }
    if (!COMPACT_JWS.matcher(signed.token()).matches()) {
      violations.add("the token is not three base64url parts");
    }
    if (signed.token().length() > MAX_TOKEN_LENGTH) {
      violations.add("the token is longer than " + MAX_TOKEN_LENGTH + " characters");
    }
    if (!violations.isEmpty()) {
      throw CertificateException.invalid(violations);
    }
  }

  private static Map<String, String> languages() {
    Map<String, String> map = new HashMap<>();
    List.of("RU", "BY", "KZ", "KG").forEach(c -> map.put(c, "ru"));
    List.of("DE", "AT", "CH", "LI").forEach(c -> map.put(c, "de"));
    List.of("FR", "BE", "LU", "MC").forEach(c -> map.put(c, "fr"));
    List.of("ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY", "SV", "NI", "CR", "PA", "UY")
        .forEach(c -> map.put(c, "es"));
    return Map.copyOf(map);
  }

  /** Builds a {@link ProofCertificate}. Not thread-safe; {@link #build()} checks what is required. */
  public static final class Builder {
    private @Nullable URI site;
    private @Nullable String issuer;
    private CertificateContact fallback = new CertificateContact(
        "Regional Operations Center Europe, Middle East and Africa", "roc-emea@example.com", "+353 1 555 0100");
    private final Map<String, CertificateContact> byCountry = new HashMap<>();

    private Builder() {
      CertificateContact americas = new CertificateContact("Regional Operations Center Americas", "roc-americas@example.com", "+1 701 555 0100");
      CertificateContact apac = new CertificateContact("Regional Operations Center Asia Pacific", "roc-apac@example.com", "+65 6555 0100");
      List.of("US", "CA", "MX", "BR", "AR", "CL", "CO", "PE").forEach(c -> byCountry.put(c, americas));
      List.of("JP", "CN", "KR", "IN", "SG", "AU", "NZ", "ID", "MY", "TH", "VN", "PH").forEach(c -> byCountry.put(c, apac));
    }

    /**
     * The issuer's site, where the verification page ({@code verify}) and the JWK Set
     * ({@code jwks.json}) are published. Required.
     *
     * @param site an absolute {@code https} address with no query or fragment
     * @return this builder
     */
    public Builder issuerSite(URI site) {
      Objects.requireNonNull(site, "site");
      if (!"https".equalsIgnoreCase(site.getScheme()) || site.getHost() == null || site.getRawQuery() != null
          || site.getRawFragment() != null) {
        throw new IllegalArgumentException("the issuer's site must be an https address with no query or fragment: " + site);
      }
      this.site = site;
      return this;
    }

    /**
     * The issuer as the certificate names it, such as the tokens' {@code iss}; the site's address
     * by default.
     *
     * @param issuer one line of text
     * @return this builder
     */
    public Builder issuer(String issuer) {
      Objects.requireNonNull(issuer, "issuer");
      if (issuer.isBlank() || issuer.length() > 300 || issuer.chars().anyMatch(Character::isISOControl)) {
        throw new IllegalArgumentException("the issuer must be one line of 1 to 300 characters");
      }
      this.issuer = issuer;
      return this;
    }

    /**
     * Whom customers of countries with no contact of their own ask; by default the placeholder
     * Regional Operations Center Europe, Middle East and Africa under {@code example.com} (with the
     * Americas and Asia Pacific for their countries). Replace them before going live.
     *
     * @param contact the contact
     * @return this builder
     */
    public Builder support(CertificateContact contact) {
      this.fallback = Objects.requireNonNull(contact, "contact");
      return this;
    }

    /**
     * Whom the customers of one country ask.
     *
     * @param country ISO 3166-1 alpha-2 code, such as {@code "RU"}
     * @param contact the contact
     * @return this builder
     */
    public Builder support(String country, CertificateContact contact) {
      Objects.requireNonNull(country, "country");
      Objects.requireNonNull(contact, "contact");
      if (!country.matches("[A-Za-z]{2}")) {
        throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code: " + country.replaceAll("\\p{Cntrl}", "?"));
      }
      byCountry.put(country.toUpperCase(Locale.ROOT), contact);
      return this;
    }

    /**
     * Builds the renderer.
     *
     * @return the immutable renderer
     * @throws IllegalStateException if the issuer's site is missing
     */
    public ProofCertificate build() {
      URI required = site;
      if (required == null) {
        throw new IllegalStateException("the issuer's site is required");
      }
      String name = issuer;
      if (name == null) {
        String text = required.toASCIIString();
        name = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
      }
      return new ProofCertificate(new Settings(required, name, fallback, byCountry));
    }
  }
}
