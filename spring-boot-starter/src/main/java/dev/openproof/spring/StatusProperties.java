package dev.openproof.spring;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The {@code openproof.status.*} properties: the Token Status Lists that tell partners of
 * revocations and suspensions.
 *
 * @since 0.1.0
 */
public class StatusProperties {
  /** Whether proofs carry a status list reference and the lists are published. */
  private boolean enabled = true;

  /** How long a verifier may use a published list (its ttl claim), also its Cache-Control max-age. */
  @NotNull
  private Duration ttl = Duration.ofHours(1);

  /** How long a published list is valid (its exp claim, after iat). */
  @NotNull
  private Duration validity = Duration.ofDays(1);

  /** How often the lists are read again and signed anew where they changed, or half their ttl has passed. */
  @NotNull
  private Duration refreshInterval = Duration.ofSeconds(15);

  /** Creates the properties with their defaults. */
  public StatusProperties() {}

  /** @return whether status lists are used */
  public boolean isEnabled() {
    return enabled;
  }

  /** @param enabled whether status lists are used */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** @return the ttl of a published list */
  public Duration getTtl() {
    return ttl;
  }

  /** @param ttl the ttl of a published list */
  public void setTtl(Duration ttl) {
    this.ttl = ttl;
  }

  /** @return the validity of a published list */
  public Duration getValidity() {
    return validity;
  }

  /** @param validity the validity of a published list */
  public void setValidity(Duration validity) {
    this.validity = validity;
  }

  /** @return how often the lists are checked */
  public Duration getRefreshInterval() {
    return refreshInterval;
  }

  /** @param refreshInterval how often the lists are checked */
  public void setRefreshInterval(Duration refreshInterval) {
    this.refreshInterval = refreshInterval;
  }
}
