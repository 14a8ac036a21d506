package dev.openproof.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.openproof.core.testing.SampleFiles;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.jwt.status.StatusListCodec;
import dev.openproof.orderjson.OrderJson;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole API v1 of a service on a real port, delivering to a real SMTP server (GreenMail);
 * run on H2 and on PostgreSQL by its subclasses.
 */
abstract class ServiceApiContract {
  static final GreenMail MAIL = startMail();
  private static final AtomicInteger ORDERS = new AtomicInteger(1000 * (int) (ProcessHandle.current().pid() % 1000));
  private static final OrderJson JSON = OrderJson.create();

  @LocalServerPort
  int port;

  @Autowired
  dev.openproof.spring.OpenProofProperties properties;

  Http anonymous;
  Http api;

  private static GreenMail startMail() {
    GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    return mail;
  }

  static Path newDir() {
    try {
      return Files.createTempDirectory("openproof-service-test");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @BeforeEach
  void clients() throws IOException {
    anonymous = new Http(port, null);
    api = new Http(port, Files.readString(properties.getDir().resolve("api-key")).trim());
  }

  static String newOrder() {
    return JSON.write(SampleOrders.numbered(ORDERS.incrementAndGet()));
  }

  @Test
  void theApiKeyIsWrittenOnceOwnerOnlyAndOnlyItsHashIsKept() throws IOException {
    Path key = properties.getDir().resolve("api-key");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    String hash = Files.readString(properties.getDir().resolve("api-key.sha256")).trim();
    assertThat(hash).hasSize(64).doesNotContain(Files.readString(key).trim());
  }

  @Test
  void writingNeedsTheApiKey() {
    assertThat(anonymous.post("/v1/orders", newOrder()).statusCode()).isEqualTo(401);
    assertThat(anonymous.withKey("opk_not-the-key").post("/v1/orders", newOrder()).statusCode()).isEqualTo(401);
    assertThat(anonymous.post("/v1/proofs/P-1/revoke", "{\"reason\":\"x\"}").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/v1/orders/PO-1").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/actuator/prometheus", "text/plain").statusCode()).isEqualTo(401);
  }

  @Test
  void publicDataAndHealthAreOpenAndHoldNoSecret() {
    HttpResponse<String> jwks = anonymous.get("/.well-known/jwks.json");
    assertThat(jwks.statusCode()).isEqualTo(200);
    JsonNode key = Json.parse(jwks.body()).path("keys").get(0);
    assertThat(key.path("kid").asText()).isNotEmpty();
    assertThat(key.has("d")).isFalse();
    HttpResponse<String> health = anonymous.get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode components = Json.parse(health.body()).path("components");
    assertThat(Json.parse(health.body()).path("status").asText()).isEqualTo("UP");
    assertThat(components.path("openproofLedger").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("openproofSmtp").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("openproofSigningKey").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void aBadOrderGets422WithEveryViolationAndNothingIsStored() {
    String invalid = SampleFiles.text("order-invalid.json");
    HttpResponse<String> response = api.post("/v1/orders", invalid);
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    JsonNode problem = Json.parse(response.body());
    assertThat(problem.path("reason_code").asText()).isEqualTo("INVALID_ORDER");
    assertThat(problem.path("violations").size()).isGreaterThan(1);
    assertThat(problem.path("violations").get(0).path("path").isTextual()).isTrue();
    assertThat(problem.path("violations").get(0).path("message").isTextual()).isTrue();
    String id = Json.parse(invalid).path("order_id").asText();
    HttpResponse<String> lookup = api.get("/v1/orders/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20"));
    assertThat(lookup.statusCode()).isEqualTo(404);
    assertThat(Json.parse(lookup.body()).path("reason_code").asText()).isEqualTo("UNKNOWN_ORDER");
  }

  @Test
  void aNewOrderGets201AndTheSameOrderAgain200WithTheSameProof() {
    String order = newOrder();
    HttpResponse<String> first = api.post("/v1/orders", order);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    JsonNode created = Json.parse(first.body());
    assertThat(created.path("route").asText()).isEqualTo("DIGITAL");
    assertThat(created.path("license_number").asText()).isNotEmpty();
    assertThat(created.path("delivery").path("status").asText()).isEqualTo("DELIVERED");
    HttpResponse<String> again = api.post("/v1/orders", order);
    assertThat(again.statusCode()).isEqualTo(200);
    JsonNode replayed = Json.parse(again.body());
    assertThat(replayed.path("replayed").asBoolean()).isTrue();
    assertThat(replayed.path("proof_id").asText()).isEqualTo(created.path("proof_id").asText());
    HttpResponse<String> fetched = api.get("/v1/orders/" + created.path("order_id").asText());
    assertThat(Json.parse(fetched.body()).path("proof_id").asText()).isEqualTo(created.path("proof_id").asText());
  }

  @Test
  void aBatchFulfillsEachOrderAloneAndSendingItAgainDoesNothingTwice() {
    String before = newOrder();
    assertThat(api.post("/v1/orders", before).statusCode()).isEqualTo(201);
    String invalid = SampleFiles.text("order-invalid.json");
    String invalidId = Json.parse(invalid).path("order_id").asText();
    List<String> news = List.of(newOrder(), newOrder(), newOrder());
    String batch = "[" + news.get(0) + ",\n" + invalid + "," + before + "," + news.get(1) + "," + news.get(2) + "]";
    int mailsBefore = MAIL.getReceivedMessages().length;

    HttpResponse<String> first = api.post("/v1/orders/batch", batch);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(207);
    JsonNode body = Json.parse(first.body());
    assertThat(body.path("orders").asInt()).isEqualTo(5);
    assertThat(body.path("fulfilled").asInt()).isEqualTo(4);
    assertThat(body.path("failed").asInt()).isEqualTo(1);
    JsonNode results = body.path("results");
    assertThat(List.of(0, 1, 2, 3, 4).stream().map(i -> results.get(i).path("status").asInt()).toList())
        .containsExactly(201, 422, 200, 201, 201);
    assertThat(results.get(1).path("problem").path("reason_code").asText()).isEqualTo("INVALID_ORDER");
    assertThat(results.get(1).path("problem").path("violations").size()).isGreaterThan(1);
    assertThat(results.get(2).path("result").path("replayed").asBoolean()).isTrue();
    for (int i : new int[] {0, 3, 4}) {
      JsonNode result = results.get(i).path("result");
      assertThat(result.path("route").asText()).isEqualTo("DIGITAL");
      assertThat(result.path("delivery").path("status").asText()).isEqualTo("DELIVERED");
      assertThat(result.path("order_id").asText()).isEqualTo(Json.parse(news.get(i == 0 ? 0 : i - 2)).path("order_id").asText());
      HttpResponse<String> fetched = api.get("/v1/orders/" + result.path("order_id").asText());
      assertThat(Json.parse(fetched.body()).path("proof_id").asText()).isEqualTo(result.path("proof_id").asText());
    }
    assertThat(api.get("/v1/orders/" + java.net.URLEncoder.encode(invalidId, StandardCharsets.UTF_8).replace("+", "%20"))
        .statusCode()).isEqualTo(404);
    assertThat(MAIL.getReceivedMessages().length - mailsBefore).isEqualTo(3);

    HttpResponse<String> again = api.post("/v1/orders/batch", batch);
    JsonNode replay = Json.parse(again.body()).path("results");
    assertThat(again.statusCode()).isEqualTo(207);
    for (int i : new int[] {0, 3, 4}) {
      assertThat(replay.get(i).path("status").asInt()).isEqualTo(200);
      assertThat(replay.get(i).path("result").path("proof_id").asText())
          .isEqualTo(results.get(i).path("result").path("proof_id").asText());
    }
    assertThat(MAIL.getReceivedMessages().length - mailsBefore).isEqualTo(3);
  }

  @Test
  void aBatchThatIsNoArrayOrTooLongIsRefusedWholeAndNeedsTheKey() {
    HttpResponse<String> object = api.post("/v1/orders/batch", newOrder());
    assertThat(object.statusCode()).isEqualTo(400);
    assertThat(Json.parse(object.body()).path("reason_code").asText()).isEqualTo("INVALID_BATCH");
    HttpResponse<String> broken = api.post("/v1/orders/batch", "[" + newOrder() + ",");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(api.post("/v1/orders/batch", "[] []").statusCode()).isEqualTo(400);
    HttpResponse<String> tooMany = api.post("/v1/orders/batch", "[" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]");
    assertThat(tooMany.statusCode()).isEqualTo(413);
    assertThat(Json.parse(tooMany.body()).path("reason_code").asText()).isEqualTo("BATCH_TOO_LARGE");
    HttpResponse<String> empty = api.post("/v1/orders/batch", "[]");
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(Json.parse(empty.body()).path("orders").asInt()).isZero();
    assertThat(anonymous.post("/v1/orders/batch", "[" + newOrder() + "]").statusCode()).isEqualTo(401);
  }

  @Test
  void aBodyOverTheLimitGets413() {
    String huge = "{\"order_id\":\"" + "x".repeat((1 << 20) + 10) + "\"}";
    HttpResponse<String> response = api.post("/v1/orders", huge);
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(Json.parse(response.body()).path("reason_code").asText()).isEqualTo("BODY_TOO_LARGE");
  }

  @Test
  void aProofIsServedAsJsonAndAsItsToken() {
    JsonNode created = Json.parse(api.post("/v1/orders", newOrder()).body());
    String proofId = created.path("proof_id").asText();
    JsonNode proof = Json.parse(api.get("/v1/proofs/" + proofId).body());
    HttpResponse<String> token = api.get("/v1/proofs/" + proofId, "application/jwt");
    assertThat(token.statusCode()).isEqualTo(200);
    assertThat(token.headers().firstValue("Content-Type").orElse("")).startsWith("application/jwt");
    assertThat(token.body()).isEqualTo(proof.path("token").asText());
    assertThat(Json.payload(token.body()).path("iss").asText()).isEqualTo(properties.getIssuer());
    assertThat(api.get("/v1/proofs/P-none").statusCode()).isEqualTo(404);
  }

  @Test
  void aProofIsServedAsItsPdfCertificateToTheApiKeyOnly() throws Exception {
    JsonNode created = Json.parse(api.post("/v1/orders", newOrder()).body());
    String proofId = created.path("proof_id").asText();
    String license = created.path("license_number").asText();
    HttpResponse<byte[]> pdf = api.getBytes("/v1/proofs/" + proofId, "application/pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("certificate-" + license + ".pdf");
    assertThat(pdfText(pdf.body())).contains(license);
    assertThat(anonymous.getBytes("/v1/proofs/" + proofId, "application/pdf").statusCode()).isEqualTo(401);
    HttpResponse<byte[]> unknown = api.getBytes("/v1/proofs/P-none", "application/pdf");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("UNKNOWN_PROOF");
  }

  @Test
  void theMailOfANewOrderCarriesItsPdfCertificate() throws Exception {
    JsonNode created = Json.parse(api.post("/v1/orders", newOrder()).body());
    String license = created.path("license_number").asText();
    MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages())
        .filter(m -> messageId(m).equals(created.path("delivery").path("message_id").asText())).findFirst().orElseThrow();
    List<Part> pdfs = parts(mail).stream().filter(p -> isPdf(p)).toList();
    assertThat(pdfs).hasSize(1);
    assertThat(pdfs.get(0).getFileName()).isEqualTo("certificate-" + license + ".pdf");
    assertThat(pdfText(pdfs.get(0).getInputStream().readAllBytes())).contains(license);
  }

  @Test
  void theVerificationPageIsOpenWithItsCspAndWhatItFetchesIsServedBesideIt() {
    String jwks = anonymous.get("/.well-known/jwks.json").body();
    String kid = Json.parse(jwks).path("keys").get(0).path("kid").asText();
    for (String path : List.of("/verify", "/verify.html")) {
      HttpResponse<String> page = anonymous.get(path, "text/html");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp).startsWith("default-src 'none'").contains("connect-src 'self'").contains("script-src 'sha256-");
      assertThat(page.body()).contains("content=\"" + csp + "\"").contains(kid)
          .contains("\"issuer\":\"" + properties.getIssuer() + "\"");
    }
    assertThat(anonymous.get("/jwks.json").body()).isEqualTo(jwks);
    JsonNode created = Json.parse(api.post("/v1/orders", newOrder()).body());
    String uri = Json.parse(api.get("/v1/proofs/" + created.path("proof_id").asText()).body()).path("status_list").path("uri").asText();
    String n = uri.substring(uri.lastIndexOf('/') + 1);
    assertThat(uri).isEqualTo(properties.getSiteUrl().toString().replaceAll("/$", "") + "/status/" + n);
    HttpResponse<String> file = anonymous.get("/status/" + n + ".jwt", "*/*");
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(Json.payload(file.body()).path("sub").asText()).isEqualTo(uri);
    assertThat(anonymous.get("/status/999999.jwt", "*/*").statusCode()).isEqualTo(404);
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static boolean isPdf(Part part) {
    try {
      return part.isMimeType("application/pdf");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Part> parts(Part part) throws MessagingException, IOException {
    if (!part.isMimeType("multipart/*")) {
      return List.of(part);
    }
    Multipart multipart = (Multipart) part.getContent();
    List<Part> all = new java.util.ArrayList<>();
    for (int i = 0; i < multipart.getCount(); i++) {
      all.addAll(parts(multipart.getBodyPart(i)));
    }
    return all;
  }

  @Test
  void aResendNamesTheFirstMailsMessageId() throws Exception {
    JsonNode created = Json.parse(api.post("/v1/orders", newOrder()).body());
    String firstId = created.path("delivery").path("message_id").asText();
    HttpResponse<String> resend = api.post("/v1/proofs/" + created.path("proof_id").asText() + "/resend", "");
    assertThat(resend.statusCode()).as(resend.body()).isEqualTo(200);
    JsonNode delivery = Json.parse(resend.body());
    assertThat(delivery.path("kind").asText()).isEqualTo("RESEND");
    assertThat(delivery.path("message_id").asText()).isNotEqualTo(firstId);
    MimeMessage received = Arrays.stream(MAIL.getReceivedMessages())
        .filter(m -> messageId(m).equals(delivery.path("message_id").asText())).findFirst().orElseThrow();
    assertThat(received.getHeader("In-Reply-To")).containsExactly(firstId);
    assertThat(received.getHeader("References")[0]).contains(firstId);
  }

  @Test
  void aRevocationIsVisibleInTheStatusList() {
    JsonNode created = Json.parse(api.post("/v1/orders", newOrder()).body());
    String proofId = created.path("proof_id").asText();
    JsonNode list = Json.parse(api.get("/v1/proofs/" + proofId).body()).path("status_list");
    String uri = list.path("uri").asText();
    String path = "/status/" + uri.substring(uri.lastIndexOf('/') + 1);
    assertThat(statusAt(path, list.path("idx").asInt())).isEqualTo(0);

    assertThat(api.post("/v1/proofs/" + proofId + "/revoke", "{}").statusCode()).isEqualTo(400);
    HttpResponse<String> revoked = api.post("/v1/proofs/" + proofId + "/revoke", "{\"reason\":\"order returned\"}");
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    assertThat(Json.parse(revoked.body()).path("reason").asText()).isEqualTo("order returned");
    assertThat(statusAt(path, list.path("idx").asInt())).isEqualTo(1);
    assertThat(Json.parse(api.get("/v1/proofs/" + proofId).body()).path("status").asText()).isEqualTo("REVOKED");
    HttpResponse<String> resend = api.post("/v1/proofs/" + proofId + "/resend", "");
    assertThat(resend.statusCode()).isEqualTo(409);
    assertThat(Json.parse(resend.body()).path("reason_code").asText()).isEqualTo("PROOF_REVOKED");
  }

  @Test
  void aSuspensionIsVisibleInTheStatusListUntilReinstated() {
    JsonNode created = Json.parse(api.post("/v1/orders", newOrder()).body());
    String proofId = created.path("proof_id").asText();
    JsonNode list = Json.parse(api.get("/v1/proofs/" + proofId).body()).path("status_list");
    String uri = list.path("uri").asText();
    String path = "/status/" + uri.substring(uri.lastIndexOf('/') + 1);
    assertThat(Json.parse(api.post("/v1/proofs/" + proofId + "/suspend", "").body()).path("status").asText())
        .isEqualTo("SUSPENDED");
    assertThat(statusAt(path, list.path("idx").asInt())).isEqualTo(2);
    assertThat(Json.parse(api.post("/v1/proofs/" + proofId + "/reinstate", "").body()).path("status").asText())
        .isEqualTo("VALID");
    assertThat(statusAt(path, list.path("idx").asInt())).isEqualTo(0);
  }

  @Test
  void metricsCountWhatWasDone() {
    api.post("/v1/orders", newOrder());
    HttpResponse<String> metrics = api.get("/actuator/prometheus", "text/plain");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("openproof_orders_total{outcome=\"new\",route=\"digital\"")
        .contains("openproof_proofs_issued_total").contains("openproof_deliveries_pending")
        .contains("openproof_fulfill_seconds_count").contains("openproof_status_list_fill");
    assertThat(metrics.body()).doesNotContain(api.toString());
  }

  private int statusAt(String path, int index) {
    HttpResponse<String> response = anonymous.get(path, "application/statuslist+jwt");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/statuslist+jwt");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("max-age=");
    JsonNode statusList = Json.payload(response.body()).path("status_list");
    int bits = statusList.path("bits").asInt();
    byte[] values = StatusListCodec.decode(statusList.path("lst").asText(), bits, StatusListCodec.DEFAULT_MAX_BYTES);
    return values[index];
  }

  static String messageId(MimeMessage message) {
    try {
      return String.valueOf(message.getMessageID());
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> mailTo(String address) {
    return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).map(ServiceApiContract::messageId).toList();
  }
}
