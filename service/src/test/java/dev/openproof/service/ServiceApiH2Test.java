package dev.openproof.service;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole API on H2, delivering to GreenMail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceApiH2Test extends ServiceApiContract {
  private static final Path DIR = newDir();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("openproof.dir", DIR::toString);
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:service-api;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    registry.add("openproof.smtp.host", () -> "127.0.0.1");
    registry.add("openproof.smtp.port", () -> MAIL.getSmtp().getPort());
    registry.add("openproof.smtp.tls", () -> "NONE");
  }
}
