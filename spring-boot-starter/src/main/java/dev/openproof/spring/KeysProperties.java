package dev.openproof.spring;

import dev.openproof.jwt.key.JwsAlgorithm;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The {@code openproof.keys.*} properties: the key folder, as {@code openproof keys} writes it
 * ({@code signing-key.jwk}, the active private key, and {@code jwks.json}, the published keys).
 *
 * @since 0.1.0
 */
public class KeysProperties {
  /** The key folder; default {@code <openproof.dir>/keys}. */
  private @Nullable Path dir;

  /** Algorithm of a key generated where the folder has none. */
  @NotNull
  private JwsAlgorithm algorithm = JwsAlgorithm.ES256;

  /** Whether to generate a key where the folder has none; when false, a missing key stops the start-up. */
  private boolean generate = true;

  /** How often the folder is read again, so that a rotation takes effect without a restart. */
  @NotNull
  private Duration reloadInterval = Duration.ofSeconds(30);

  /** Creates the properties with their defaults. */
  public KeysProperties() {}

  /** @return the key folder, or null for the default */
  public @Nullable Path getDir() {
    return dir;
  }

  /** @param dir the key folder */
  public void setDir(@Nullable Path dir) {
    this.dir = dir;
  }

  /** @return the algorithm of a generated key */
  public JwsAlgorithm getAlgorithm() {
    return algorithm;
  }

  /** @param algorithm the algorithm of a generated key */
  public void setAlgorithm(JwsAlgorithm algorithm) {
    this.algorithm = algorithm;
  }

  /** @return whether a missing key is generated */
  public boolean isGenerate() {
    return generate;
  }

  /** @param generate whether a missing key is generated */
  public void setGenerate(boolean generate) {
    this.generate = generate;
  }

  /** @return how often the folder is read again */
  public Duration getReloadInterval() {
    return reloadInterval;
  }

  /** @param reloadInterval how often the folder is read again */
  public void setReloadInterval(Duration reloadInterval) {
    this.reloadInterval = reloadInterval;
  }
}
