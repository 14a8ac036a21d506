package dev.openproof.spring;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.jwt.key.SigningKey;
import dev.openproof.mail.SmtpSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The starter's Actuator health indicators: the ledger answers, the SMTP server greets and
 * answers EHLO (the answer kept for a while), the active signing key signs and its signature
 * verifies. None of them reports a secret.
 *
 * @since 0.1.0
 */
public final class OpenProofHealth {
  private OpenProofHealth() {}

  /**
   * The ledger's health: a lookup of an order that does not exist answers.
   *
   * @param ledger the ledger
   * @return the indicator
   */
  public static HealthIndicator ledger(ProofLedger ledger) {
    return () -> {
      try {
        ledger.findOrder(OrderId.of("openproof-health-check"));
        return Health.up().withDetail("ledger", ledger.getClass().getSimpleName()).build();
      } catch (OpenProofException e) {
        return Health.down().withDetail("reason", e.reasonCode()).withDetail("message", String.valueOf(e.getMessage())).build();
      }
    };
  }

  /**
   * The signing key's health: it signs a probe and the signature verifies with its public key.
   *
   * @param keys the key folder
   * @return the indicator
   */
  public static HealthIndicator signingKey(SigningKeys keys) {
    return () -> {
      SigningKey key = keys.active();
      byte[] probe = "openproof-health-check".getBytes(StandardCharsets.US_ASCII);
      try {
        boolean ok = key.verificationKey().verify(probe, key.sign(probe));
        return (ok ? Health.up() : Health.down()).withDetail("kid", key.keyId())
            .withDetail("alg", key.algorithm().joseName()).build();
      } catch (RuntimeException e) {
        return Health.down().withDetail("kid", key.keyId()).withDetail("error", e.getClass().getSimpleName()).build();
      }
    };
  }

  /**
   * The SMTP server's health, asked at most once per {@code cache}.
   *
   * @param settings the server
   * @param cache how long an answer is kept
   * @param clock the clock of that
   * @return the indicator
   */
  public static HealthIndicator smtp(SmtpSettings settings, Duration cache, Clock clock) {
    return new SmtpHealth(settings, cache, clock);
  }

  private static final class SmtpHealth implements HealthIndicator {
    private final SmtpSettings settings;
    private final Duration cache;
    private final Clock clock;
    private @Nullable Health last;
    private Instant lastAt = Instant.MIN;

    SmtpHealth(SmtpSettings settings, Duration cache, Clock clock) {
      this.settings = settings;
      this.cache = cache;
      this.clock = clock;
    }

    @Override
    public synchronized Health health() {
      Instant now = clock.instant();
      Health kept = last;
      if (kept != null && now.isBefore(lastAt.plus(cache))) {
        return kept;
      }
      String server = settings.host() + ":" + settings.port();
      Health fresh;
      try {
        fresh = Health.up().withDetail("server", server).withDetail("ehlo", SmtpProbe.probe(settings)).build();
      } catch (IOException e) {
        fresh = Health.down().withDetail("server", server).withDetail("error", String.valueOf(e.getMessage())).build();
      }
      last = fresh;
      lastAt = now;
      return fresh;
    }
  }
}
