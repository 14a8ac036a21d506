package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The jar ships the wire contract's schemas byte for byte as {@code ../shared/schema} holds them. */
class SchemaResourcesTest {
  private static final Path SHARED = Path.of("").toAbsolutePath().getParent().getParent().resolve("shared/schema");

  @ParameterizedTest
  @ValueSource(strings = {"license-proof-claims.schema.json", "order.schema.json"})
  void theShippedSchemaIsTheSharedOne(String name) throws Exception {
    byte[] shipped;
    try (InputStream in = SchemaResourcesTest.class.getResourceAsStream("/dev/openproof/schema/" + name)) {
      assertThat(in).as("resource %s", name).isNotNull();
      shipped = in.readAllBytes();
    }

    assertThat(shipped).isEqualTo(Files.readAllBytes(SHARED.resolve(name)));
  }
}
