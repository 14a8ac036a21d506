package dev.openproof.mail;

import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * How {@link SmtpProofDelivery} reaches the mail server and signs its mail: host, port, TLS,
 * the certificates it trusts, optional authentication, From, envelope sender, timeouts, the domain
 * of Message-IDs, and the support directory the mail names. Immutable and thread-safe; the password never appears in
 * {@link #toString()}.
 *
 * <p>Defaults: {@link TlsMode#STARTTLS_REQUIRED}, the mode's port, the JVM's trusted certificates
 * (host name verification is always on), no authentication, envelope
 * sender = From, timeouts 10 s to connect and 30 s to read or write, Message-ID domain = the From
 * address's domain, SMTPUTF8 off, {@link SupportDirectory#defaults()}, the UTC system clock.
 *
 * @since 0.1.0
 */
public final class SmtpSettings {
  private final String host;
  private final int port;
  private final TlsMode tls;
  private final @Nullable String username;
  private final @Nullable String password;
  private final InternetAddress from;
  private final String envelopeSender;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final String messageIdDomain;
  private final @Nullable String heloName;
  private final boolean smtpUtf8;
  private final SupportDirectory supportDirectory;
  private final @Nullable URI jwksUri;
  private final @Nullable URI issuerSite;
  private final Clock clock;
  private final @Nullable SSLContext sslContext;
  private final String trust;

  private SmtpSettings(Builder b) {
    this.host = requireHost(b.host);
    this.tls = b.tls;
    this.port = b.port > 0 ? b.port : tls.defaultPort();
    this.username = b.username;
    this.password = b.password;
    this.smtpUtf8 = b.smtpUtf8;
    if (b.fromAddress == null) {
      throw new IllegalStateException("the From address is required");
    }
    if (b.fromName != null && HeaderValues.hasControl(b.fromName)) {
      throw new IllegalArgumentException("the From display name must not contain line breaks or control characters");
    }
    this.from = MailAddresses.mailbox(b.fromAddress, b.fromName == null ? "" : b.fromName, false);
    this.envelopeSender = MailAddresses.check(b.envelopeSender == null ? b.fromAddress : b.envelopeSender, false);
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    String domain = b.messageIdDomain != null ? b.messageIdDomain
        : from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
    this.messageIdDomain = MailAddresses.check("x@" + domain, false).substring(2).toLowerCase(Locale.ROOT);
    this.heloName = b.heloName == null ? null : requireHost(b.heloName);
    this.supportDirectory = b.supportDirectory;
    this.jwksUri = b.jwksUri;
    this.issuerSite = b.issuerSite;
    this.clock = b.clock;
    if (b.sslContext != null && tls == TlsMode.NONE) {
      throw new IllegalStateException("a trust source is set but TLS is NONE: use STARTTLS_REQUIRED or IMPLICIT");
    }
    this.sslContext = b.sslContext;
    this.trust = b.trust;
  }

  /**
   * Starts building settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the server's host name or address */
  public String host() {
    return host;
  }

  /** @return the server's port */
  public int port() {
    return port;
  }

  /** @return how the connection is protected */
  public TlsMode tls() {
    return tls;
  }

  /** @return the user name to authenticate with, or empty when the server is used without */
  public Optional<String> username() {
    return Optional.ofNullable(username);
  }

  @Nullable String password() {
    return password;
  }

  /** @return the From mailbox, its domain in ASCII */
  public InternetAddress from() {
    return (InternetAddress) from.clone();
  }

  /** @return the envelope sender ({@code MAIL FROM}) that receives bounces */
  public String envelopeSender() {
    return envelopeSender;
  }

  /** @return the connect timeout */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return the timeout of each read from the server */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** @return the timeout of each write to the server */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** @return the domain after the {@code @} of every Message-ID */
  public String messageIdDomain() {
    return messageIdDomain;
  }

  /** @return the name sent in {@code EHLO}, or empty for the local host's name */
  public Optional<String> heloName() {
    return Optional.ofNullable(heloName);
  }

  /** @return whether non-ASCII local parts are allowed and sent with SMTPUTF8 */
  public boolean smtpUtf8() {
    return smtpUtf8;
  }

  /** @return whom customers contact, by country */
  public SupportDirectory supportDirectory() {
    return supportDirectory;
  }

  /** @return where the vendor publishes its JWK Set, named in the mail; empty when not configured */
  public Optional<URI> jwksUri() {
    return Optional.ofNullable(jwksUri);
  }

  /**
   * The issuer's site, where its verification page and JWK Set are published.
   *
   * @return the site, or empty when not configured
   */
  public Optional<URI> issuerSite() {
    return Optional.ofNullable(issuerSite);
  }

  /**
   * The verification page the mail links to: {@code verify} on the issuer's site.
   *
   * @return the page, or empty when no site is configured
   */
  public Optional<URI> verificationPage() {
    return issuerSite().map(site -> SiteAddresses.resolve(site, "verify.html"));
  }

  /**
   * The JWK Set the mail names: the one configured with {@link Builder#jwksUri(URI)}, else
   * {@code jwks.json} on the issuer's site.
   *
   * @return the address, or empty when neither is configured
   */
  public Optional<URI> publishedJwks() {
    return jwksUri().or(() -> issuerSite().map(site -> SiteAddresses.resolve(site, "jwks.json")));
  }

  /** @return the clock of the Date header and of receipts */
  public Clock clock() {
    return clock;
  }

  /**
   * The TLS context whose trust anchors check the server's certificate, when one was given.
   *
   * @return the context, or empty for the JVM's default trust
   */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  /** The factory of TLS sockets: the configured context's, or the JVM's default. */
  SSLSocketFactory sslSocketFactory() {
    return sslContext != null ? sslContext.getSocketFactory() : (SSLSocketFactory) SSLSocketFactory.getDefault();
  }

  @Override
  public String toString() {
    return "SmtpSettings[host=" + host + ", port=" + port + ", tls=" + tls
        + ", username=" + (username == null ? "none" : username) + ", password=" + (password == null ? "none" : "****")
        + ", from=" + from.getAddress() + ", envelopeSender=" + envelopeSender
        + ", timeouts=" + connectTimeout + "/" + readTimeout + "/" + writeTimeout
        + ", messageIdDomain=" + messageIdDomain + ", smtpUtf8=" + smtpUtf8 + ", trust=" + trust + "]";
  }

  private static String requireHost(@Nullable String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalStateException("the SMTP host is required");
    }
    if (!host.matches("[A-Za-z0-9.:\\-\\[\\]]+")) {
      throw new IllegalArgumentException("not a host name or address: " + HeaderValues.printable(host));
    }
    return host;
  }

  /** Builds {@link SmtpSettings}. Not thread-safe; {@link #build()} checks everything. */
  public static final class Builder {
    private static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    private @Nullable String host;
    private int port;
    private TlsMode tls = TlsMode.STARTTLS_REQUIRED;
    private @Nullable String username;
    private @Nullable String password;
    private @Nullable String fromAddress;
    private @Nullable String fromName;
    private @Nullable String envelopeSender;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private @Nullable String messageIdDomain;
    private @Nullable String heloName;
    private boolean smtpUtf8;
    private SupportDirectory supportDirectory = SupportDirectory.defaults();
    private @Nullable URI jwksUri;
    private @Nullable URI issuerSite;
    private Clock clock = Clock.systemUTC();
    private @Nullable SSLContext sslContext;
    private String trust = "the JVM's default";

    private Builder() {}

    /**
     * Names the server. Required.
     *
     * @param host host name or IP address
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * Names the port; by default the TLS mode's.
     *
     * @param port 1 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1 to 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Chooses how the connection is protected; {@link TlsMode#STARTTLS_REQUIRED} by default.
     *
     * @param tls the mode
     * @return this builder
     */
    public Builder tls(TlsMode tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Authenticates with a user name and password (SMTP AUTH).
     *
     * @param username the user name
     * @param password the password; never logged nor shown
     * @return this builder
     */
    public Builder authentication(String username, String password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Trusts the CA certificates of a file instead of the JVM's: a PEM file of one or more {@code
     * CERTIFICATE} blocks (such as a company CA's), or a PKCS#12 trust store that opens without a
     * password. The server's host name is verified against its certificate all the same.
     *
     * @param file the PEM file or PKCS#12 store, at most 1 MiB
     * @return this builder
     * @throws IllegalArgumentException if the file is neither, or holds no certificate
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public Builder trustStore(Path file) {
      return trustStore(Objects.requireNonNull(file, "file"), null);
    }

    /**
     * Trusts the CA certificates of a PKCS#12 trust store (or a PEM file) instead of the JVM's.
     *
     * @param file the PKCS#12 store or PEM file, at most 1 MiB
     * @param password the store's password; {@code null} for none; not kept
     * @return this builder
     * @throws IllegalArgumentException if the file does not open or holds no certificate
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public Builder trustStore(Path file, char @Nullable [] password) {
      Objects.requireNonNull(file, "file");
      KeyStore store = TrustSources.read(file, password);
      this.sslContext = TrustSources.context(store);
      this.trust = file.getFileName() + " (" + TrustSources.trustedCount(store) + " certificates)";
      return this;
    }

    /**
     * Trusts the certificate entries of a key store instead of the JVM's.
     *
     * @param store a loaded key store with at least one trusted certificate entry
     * @return this builder
     * @throws IllegalArgumentException if it holds no trusted certificate
     */
    public Builder trustStore(KeyStore store) {
      Objects.requireNonNull(store, "store");
      int count = TrustSources.trustedCount(store);
      if (count == 0) {
        throw new IllegalArgumentException("the trust store holds no trusted certificate");
      }
      this.sslContext = TrustSources.context(store);
      this.trust = "a key store (" + count + " certificates)";
      return this;
    }

    /**
     * Uses a TLS context of the host's, for its trust managers (and client certificate, if any). The
     * server's host name is verified against its certificate all the same.
     *
     * @param context an initialized context
     * @return this builder
     */
    public Builder sslContext(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      this.trust = "an SSLContext (" + context.getProtocol() + ")";
      return this;
    }

    /**
     * The From mailbox. Required.
     *
     * @param address the address, such as {@code licensing@vendor.example}
     * @param displayName the name shown, such as {@code "Licensing"}; no line breaks
     * @return this builder
     */
    public Builder from(String address, String displayName) {
      this.fromAddress = Objects.requireNonNull(address, "address");
      this.fromName = Objects.requireNonNull(displayName, "displayName");
      return this;
    }

    /**
     * The envelope sender ({@code MAIL FROM}) that receives bounces; the From address by default.
     *
     * @param address the address
     * @return this builder
     */
    public Builder envelopeSender(String address) {
      this.envelopeSender = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * The connect timeout; 10 seconds by default.
     *
     * @param timeout positive and finite
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = requireTimeout(timeout);
      return this;
    }

    /**
     * The timeout of each read from the server; 30 seconds by default.
     *
     * @param timeout positive and finite
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = requireTimeout(timeout);
      return this;
    }

    /**
     * The timeout of each write to the server; 30 seconds by default.
     *
     * @param timeout positive and finite
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = requireTimeout(timeout);
      return this;
    }

    /**
     * The domain of Message-IDs; the From address's domain by default.
     *
     * @param domain a domain name the sender controls
     * @return this builder
     */
    public Builder messageIdDomain(String domain) {
      this.messageIdDomain = Objects.requireNonNull(domain, "domain");
      return this;
    }

    /**
     * The name sent in {@code EHLO}; the local host's name by default.
     *
     * @param name a host name
     * @return this builder
     */
    public Builder heloName(String name) {
      this.heloName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Allows non-ASCII local parts (RFC 6531 SMTPUTF8, RFC 6532 headers); off by default, when
     * such an address fails permanently.
     *
     * @param enabled whether to allow them
     * @return this builder
     */
    public Builder smtpUtf8(boolean enabled) {
      this.smtpUtf8 = enabled;
      return this;
    }

    /**
     * Whom customers contact with questions; {@link SupportDirectory#defaults()} by default.
     *
     * @param directory the directory
     * @return this builder
     */
    public Builder supportDirectory(SupportDirectory directory) {
      this.supportDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Where the vendor publishes its JWK Set; named in the mail's instructions to verify the proof.
     *
     * @param uri an {@code https} address
     * @return this builder
     */
    public Builder jwksUri(URI uri) {
      Objects.requireNonNull(uri, "uri");
      if (!"https".equalsIgnoreCase(uri.getScheme())) {
        throw new IllegalArgumentException("the JWK Set address must be https: " + HeaderValues.printable(uri.toString()));
      }
      this.jwksUri = uri;
      return this;
    }

    /**
     * The issuer's site, where the verification page ({@code verify}) and the JWK Set
     * ({@code jwks.json}) are published; the mail links to both.
     *
     * @param site an {@code https} address with no query or fragment
     * @return this builder
     */
    public Builder issuerSite(URI site) {
      this.issuerSite = SiteAddresses.requireSite(site);
      return this;
    }

    /**
     * The clock of the Date header and of receipts; the UTC system clock by default.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the immutable settings
     * @throws IllegalStateException if the host or the From address is missing, or a trust source
     *     is set with {@link TlsMode#NONE}
     * @throws IllegalArgumentException if an address or name is invalid
     */
    public SmtpSettings build() {
      return new SmtpSettings(this);
    }

    private static Duration requireTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
        throw new IllegalArgumentException("a timeout must be positive and at most " + MAX_TIMEOUT + ": " + timeout);
      }
      return timeout;
    }
  }
}
