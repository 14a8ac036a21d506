package dev.openproof.service;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole API on PostgreSQL (under {@code scripts/with-postgres.sh}), delivering to GreenMail. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceApiPostgresTest extends ServiceApiContract {
  private static final Path DIR = newDir();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("openproof.dir", DIR::toString);
    registry.add("spring.datasource.url", () -> database().url);
    registry.add("spring.datasource.username", () -> database().user);
    registry.add("spring.datasource.password", () -> database().password);
    registry.add("openproof.smtp.host", () -> "127.0.0.1");
    registry.add("openproof.smtp.port", () -> MAIL.getSmtp().getPort());
    registry.add("openproof.smtp.tls", () -> "NONE");
  }

  private static TestPostgres database;

  private static synchronized TestPostgres database() {
    if (database == null) {
      database = TestPostgres.newSchema();
    }
    return database;
  }
}
