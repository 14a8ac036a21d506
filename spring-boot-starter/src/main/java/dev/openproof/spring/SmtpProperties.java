package dev.openproof.spring;

import dev.openproof.mail.TlsMode;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The {@code openproof.smtp.*} properties: the SMTP server that delivers proofs. Without a host, the
 * starter starts an in-process SMTP sandbox where GreenMail is on the class path, and stops the
 * start-up otherwise.
 *
 * @since 0.1.0
 */
public class SmtpProperties {
  /** Host of the SMTP server; unset: the in-process sandbox. */
  private @Nullable String host;

  /** Port of the SMTP server; 0 for the TLS mode's default (25, 587 or 465). */
  @Min(0)
  @Max(65535)
  private int port;

  /** How the connection is secured: NONE, STARTTLS_REQUIRED or IMPLICIT. */
  @NotNull
  private TlsMode tls = TlsMode.STARTTLS_REQUIRED;

  /** User name for SMTP AUTH; unset: no authentication. */
  private @Nullable String username;

  /** Password for SMTP AUTH; never logged nor shown. */
  private @Nullable String password;

  /** The From address of the mails. */
  @NotBlank
  @Email
  private String from = "licensing@example.test";

  /** The display name of the From address. */
  @NotBlank
  private String fromName = "Licensing Operations";

  /** Domain of the Message-IDs; unset: the host of openproof.site-url. */
  private @Nullable String messageIdDomain;

  /** How long to wait for the connection. */
  @NotNull
  private Duration connectTimeout = Duration.ofSeconds(10);

  /** How long to wait for each reply of the server. */
  @NotNull
  private Duration readTimeout = Duration.ofSeconds(30);

  /** How long the SMTP health check's result is kept before the server is asked again. */
  @NotNull
  private Duration healthCache = Duration.ofSeconds(60);

  /** Creates the properties with their defaults. */
  public SmtpProperties() {}

  /** @return the host, or null for the sandbox */
  public @Nullable String getHost() {
    return host;
  }

  /** @param host the host */
  public void setHost(@Nullable String host) {
    this.host = host == null || host.isBlank() ? null : host.trim();
  }

  /** @return the port, 0 for the default */
  public int getPort() {
    return port;
  }

  /** @param port the port */
  public void setPort(int port) {
    this.port = port;
  }

  /** @return the TLS mode */
  public TlsMode getTls() {
    return tls;
  }

  /** @param tls the TLS mode */
  public void setTls(TlsMode tls) {
    this.tls = tls;
  }

  /** @return the user name, or null */
  public @Nullable String getUsername() {
    return username;
  }

  /** @param username the user name */
  public void setUsername(@Nullable String username) {
    this.username = username;
  }

  /** @return the password, or null */
  public @Nullable String getPassword() {
    return password;
  }

  /** @param password the password */
  public void setPassword(@Nullable String password) {
    this.password = password;
  }

  /** @return the From address */
  public String getFrom() {
    return from;
  }

  /** @param from the From address */
  public void setFrom(String from) {
    this.from = from;
  }

  /** @return the From display name */
  public String getFromName() {
    return fromName;
  }

  /** @param fromName the From display name */
  public void setFromName(String fromName) {
    this.fromName = fromName;
  }

  /** @return the Message-ID domain, or null for the site's host */
  public @Nullable String getMessageIdDomain() {
    return messageIdDomain;
  }

  /** @param messageIdDomain the Message-ID domain */
  public void setMessageIdDomain(@Nullable String messageIdDomain) {
    this.messageIdDomain = messageIdDomain;
  }

  /** @return the connect timeout */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /** @param connectTimeout the connect timeout */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /** @return the read timeout */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /** @param readTimeout the read timeout */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /** @return how long a health result is kept */
  public Duration getHealthCache() {
    return healthCache;
  }

  /** @param healthCache how long a health result is kept */
  public void setHealthCache(Duration healthCache) {
    this.healthCache = healthCache;
  }

  @Override
  public String toString() {
    return "SmtpProperties[host=" + host + ", port=" + port + ", tls=" + tls + ", username=" + username
        + ", password=" + (password == null ? "unset" : "***") + "]";
  }
}
