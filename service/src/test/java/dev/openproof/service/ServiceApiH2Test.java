package dev.openproof.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
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

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void theOpenApiDocumentIsVersion31AndListsExactlyTheRealEndpoints() {
    JsonNode doc = Json.parse(anonymous.get("/v3/api-docs").body());
    assertThat(doc.path("openapi").asText()).startsWith("3.1");
    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
      path.getValue().fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()));
    }
    Set<String> served = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, method) -> {
      if (method.getBeanType().getPackageName().equals("dev.openproof.service")) {
        for (String pattern : info.getPatternValues()) {
          info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern));
        }
      }
    });
    assertThat(documented).isEqualTo(served).contains("POST /v1/orders", "GET /v1/proofs/{id}",
        "POST /v1/proofs/{id}/revoke", "GET /status/{n}", "GET /.well-known/jwks.json");
    assertThat(doc.path("paths").path("/v1/orders").path("post").path("responses").has("422")).isTrue();
    assertThat(doc.path("paths").path("/v1/proofs/{id}").path("get").path("responses").path("200").path("content")
        .has("application/jwt")).isTrue();
  }

  @Test
  void theReasonCodeOrderConflictMapsTo409() {
    assertThat(ApiErrors.statusOf(ApiErrors.ORDER_CONFLICT).value()).isEqualTo(409);
    assertThat(ApiErrors.statusOf("PROOF_REVOKED").value()).isEqualTo(409);
    assertThat(ApiErrors.statusOf("UNKNOWN_PROOF").value()).isEqualTo(404);
    assertThat(ApiErrors.statusOf("SIGNING_FAILED").value()).isEqualTo(503);
  }
}
