package dev.openproof.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code openproof.service.*} properties of the reference service.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "openproof.service")
@Validated
public class ServiceProperties {
  /**
   * SHA-256 hashes (64 hex digits) of the API keys that may write; unset: a key is generated at
   * first start, written once to {@code <openproof.dir>/api-key}, and its hash kept beside it.
   */
  private List<@Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a SHA-256 hash in hex") String> apiKeyHashes =
      new ArrayList<>();

  /** The largest order document accepted, in bytes; larger ones get 413. */
  @Min(1024)
  @Max(1 << 20)
  private int maxOrderBytes = 1 << 20;

  /** The most orders one {@code POST /v1/orders/batch} may carry; more get 413. */
  @Min(1)
  @Max(10_000)
  private int maxBatchOrders = 1000;

  /** The largest batch document accepted, in bytes; larger ones get 413. */
  @Min(1024)
  @Max(256 << 20)
  private int maxBatchBytes = 32 << 20;

  /** Creates the properties with their defaults. */
  public ServiceProperties() {}

  /** @return the hashes of the API keys */
  public List<String> getApiKeyHashes() {
    return apiKeyHashes;
  }

  /** @param apiKeyHashes the hashes of the API keys */
  public void setApiKeyHashes(List<String> apiKeyHashes) {
    this.apiKeyHashes = apiKeyHashes;
  }

  /** @return the largest order accepted */
  public int getMaxOrderBytes() {
    return maxOrderBytes;
  }

  /** @param maxOrderBytes the largest order accepted */
  public void setMaxOrderBytes(int maxOrderBytes) {
    this.maxOrderBytes = maxOrderBytes;
  }

  /** @return the most orders one batch may carry */
  public int getMaxBatchOrders() {
    return maxBatchOrders;
  }

  /** @param maxBatchOrders the most orders one batch may carry */
  public void setMaxBatchOrders(int maxBatchOrders) {
    this.maxBatchOrders = maxBatchOrders;
  }

  /** @return the largest batch document accepted */
  public int getMaxBatchBytes() {
    return maxBatchBytes;
  }

  /** @param maxBatchBytes the largest batch document accepted */
  public void setMaxBatchBytes(int maxBatchBytes) {
    this.maxBatchBytes = maxBatchBytes;
  }
}
