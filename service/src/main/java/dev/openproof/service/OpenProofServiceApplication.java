package dev.openproof.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The service's entry point: {@code java -jar openproof-service.jar [--server.port=P]
 * [--openproof.dir=DIR]}.
 *
 * @since 0.1.0
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpenProofServiceApplication {
  /** Created by Spring. */
  public OpenProofServiceApplication() {}

  /**
   * Starts the service.
   *
   * @param args Spring Boot's command line, such as {@code --server.port=8080}
   */
  public static void main(String[] args) {
    SpringApplication.run(OpenProofServiceApplication.class, args);
  }
}
