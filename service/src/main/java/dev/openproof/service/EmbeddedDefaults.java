package dev.openproof.service;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where no {@code spring.datasource.url} is set, the ledger is an H2 file in {@code
 * <openproof.dir>/ledger}: this puts that URL, with the folder made absolute, behind every other
 * source of configuration.
 */
final class EmbeddedDefaults implements EnvironmentPostProcessor {
  static final String SOURCE = "openproofEmbeddedDefaults";

  EmbeddedDefaults() {}

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty("spring.datasource.url")) {
      return;
    }
    Path dir = Path.of(environment.getProperty("openproof.dir", "openproof-service")).toAbsolutePath().normalize();
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("ledger").resolve("openproof-service")
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
    defaults.put("spring.datasource.username", "sa");
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
  }
}
