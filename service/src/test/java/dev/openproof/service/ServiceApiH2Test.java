package dev.openproof.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
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
  private static final KeyPair IDENTITY_PROVIDER = rsa();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("openproof.dir", DIR::toString);
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:service-api;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    registry.add("openproof.smtp.host", () -> "127.0.0.1");
    registry.add("openproof.smtp.port", () -> MAIL.getSmtp().getPort());
    registry.add("openproof.smtp.tls", () -> "NONE");
    registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> publicKeyFile().toUri().toString());
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path publicKeyFile() {
    try {
      String pem = "-----BEGIN PUBLIC KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(IDENTITY_PROVIDER.getPublic().getEncoded())
          + "\n-----END PUBLIC KEY-----\n";
      return Files.writeString(DIR.resolve("idp.pem"), pem);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String jwt(PrivateKey key) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject("ops@vendor.example.test")
        .issueTime(new java.util.Date()).expirationTime(new java.util.Date(System.currentTimeMillis() + 300_000)).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void aJwtOfTheIdentityProviderMayWriteAndAnotherIssuersMayNot() throws Exception {
    HttpResponse<String> accepted = anonymous.withKey(jwt(IDENTITY_PROVIDER.getPrivate())).post("/v1/orders", newOrder());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
    HttpResponse<String> refused = anonymous.withKey(jwt(rsa().getPrivate())).post("/v1/orders", newOrder());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).doesNotContain("eyJ");
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
        "POST /v1/proofs/{id}/revoke", "GET /status/{n}", "GET /.well-known/jwks.json", "GET /verify", "GET /verify.html",
        "GET /jwks.json", "GET /status/{n}.jwt");
    assertThat(doc.path("paths").path("/v1/orders").path("post").path("responses").has("422")).isTrue();
    assertThat(doc.path("paths").path("/v1/proofs/{id}").path("get").path("responses").path("200").path("content")
        .has("application/jwt")).isTrue();
    assertThat(doc.path("paths").path("/v1/proofs/{id}").path("get").path("responses").path("200").path("content")
        .has("application/pdf")).isTrue();
    assertThat(doc.path("paths").path("/verify").path("get").path("responses").path("200").path("content").has("text/html")).isTrue();
  }

  @Test
  void theReasonCodeOrderConflictMapsTo409() {
    assertThat(ApiErrors.statusOf(ApiErrors.ORDER_CONFLICT).value()).isEqualTo(409);
    assertThat(ApiErrors.statusOf("PROOF_REVOKED").value()).isEqualTo(409);
    assertThat(ApiErrors.statusOf("UNKNOWN_PROOF").value()).isEqualTo(404);
    assertThat(ApiErrors.statusOf("SIGNING_FAILED").value()).isEqualTo(503);
  }
}
