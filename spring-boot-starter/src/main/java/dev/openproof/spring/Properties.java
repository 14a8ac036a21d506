package dev.openproof.spring;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Start-up failures that name the property at fault, as Spring Boot reports them. */
final class Properties {
  private Properties() {}

  static InvalidConfigurationPropertyValueException invalid(String name, @Nullable Object value, @Nullable String reason) {
    return new InvalidConfigurationPropertyValueException(name, value, reason == null ? "is invalid" : reason);
  }

  static void requirePositive(String name, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw invalid(name, value, "must be positive");
    }
  }
}
