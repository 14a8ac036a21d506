package dev.openproof.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Returns and transfers in the demo's folder, as a newcomer runs them. */
class AfterSaleCommandTest {
  @TempDir
  Path dir;

  private String jwks;
  private String status;

  @BeforeEach
  void runTheDemo() {
    CommandRun demo = CommandRun.of("demo", "--out", dir.toString());
    assertThat(demo.exitCode()).as(demo.toString()).isZero();
    jwks = dir.resolve("jwks.json").toString();
    status = dir.resolve("status").resolve("1.jwt").toString();
  }

  private List<Path> files(String folder) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve(folder))) {
      return files.sorted().toList();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> license(Path proof) throws Exception {
    return (Map<String, Object>) JWSObject.parse(Files.readString(proof).strip()).getPayload().toJSONObject().get("license");
  }

  @Test
  void aReturnedOrderGetsTwoCreditNotesAndItsProofIsRefusedAsRevoked() throws Exception {
    Path proof = files("proofs").get(0);
    String orderId = (String) license(proof).get("order_id");
    int mails = files("outbox").size();

    CommandRun returned = CommandRun.of("return", orderId, "--dir", dir.toString(), "--reason", "wrong edition");
    assertThat(returned.exitCode()).as(returned.toString()).isZero();
    assertThat(returned.out()).contains("returned order " + orderId, "CN-VD-" + orderId, "cancels VD-" + orderId,
        "CN-DR-" + orderId, "cancels DR-" + orderId);
    Path vendorNote = dir.resolve("invoices").resolve("CN-VD-" + orderId + ".json");
    Path resellerNote = dir.resolve("invoices").resolve("CN-DR-" + orderId + ".json");
    assertThat(Files.readString(vendorNote)).contains("\"cancels\" : \"VD-" + orderId + "\"", "\"reason\" : \"wrong edition\"");
    assertThat(Files.readString(resellerNote)).contains("\"cancels\" : \"DR-" + orderId + "\"");
    String invoiceTotal = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(dir.resolve("invoices").resolve("VD-" + orderId + ".json").toFile()).get("total").asText();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(vendorNote.toFile()).get("total").asText())
        .isEqualTo(invoiceTotal);
    assertThat(files("outbox")).hasSize(mails + 1);

    CommandRun verify = CommandRun.of("verify", "--jwks", jwks, "--status", status, proof.toString());
    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out()).contains(proof + ": INVALID REVOKED");

    CommandRun again = CommandRun.of("return", orderId, "--dir", dir.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("ALREADY_RETURNED");
    assertThat(CommandRun.of("return", "NO-SUCH-ORDER", "--dir", dir.toString()).err()).contains("UNKNOWN_ORDER");
  }

  @Test
  void aTransferredAuthorizationsNewProofVerifiesWhileTheOldIsRefused() throws Exception {
    Path old = files("proofs").get(0);
    String authorization = (String) license(old).get("authorization_number");
    Path customer = dir.resolve("new-owner.json");
    Files.writeString(customer, "{\"id\": \"C-990001\", \"name\": \"Konditorei Weber GmbH\", \"country\": \"DE\","
        + " \"email\": \"lizenzen@weber.example.test\", \"language\": \"de\"}");
    List<Path> before = files("proofs");

    CommandRun transfer = CommandRun.of("transfer", authorization, "--to", customer.toString(), "--dir", dir.toString());
    assertThat(transfer.exitCode()).as(transfer.toString()).isZero();
    assertThat(transfer.out()).contains("transferred authorization " + authorization, "mail DELIVERED to lizenzen@weber.example.test");
    List<Path> added = files("proofs").stream().filter(p -> !before.contains(p)).toList();
    assertThat(added).isNotEmpty();
    Map<String, Object> moved = license(added.get(0));
    assertThat(moved.get("authorization_number")).isNotEqualTo(authorization);
    assertThat(JWSObject.parse(Files.readString(added.get(0)).strip()).getPayload().toJSONObject().get("replaces")).isNotNull();

    CommandRun verify = CommandRun.of("verify", "--jwks", jwks, "--status", status, added.get(0).toString(), old.toString());
    assertThat(verify.out()).as(verify.toString()).contains(added.get(0) + ": VALID ", old + ": INVALID REVOKED");
  }

  @Test
  void aPartialReturnIssuesANewProofOfTheRest() throws Exception {
    Path proof = files("proofs").stream().filter(p -> {
      try {
        return ((List<?>) license(p).get("entitlements")).size() > 1;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow();
    Map<String, Object> license = license(proof);
    @SuppressWarnings("unchecked")
    String sku = ((List<Map<String, Object>>) license.get("entitlements")).get(0).get("sku").toString();

    CommandRun returned = CommandRun.of("return", license.get("order_id").toString(), "--line", sku, "--dir", dir.toString());
    assertThat(returned.exitCode()).as(returned.toString()).isZero();
    assertThat(returned.out()).contains("(lines " + sku + ")", "new proof    license ");
    String kept = returned.out().replaceAll("(?s).*new proof    license (\\d+).*", "$1");
    Path keptFile = dir.resolve("proofs").resolve(kept + ".jwt");
    CommandRun verify = CommandRun.of("verify", "--jwks", jwks, "--status", status, keptFile.toString(), proof.toString());
    assertThat(verify.out()).as(verify.toString()).contains(keptFile + ": VALID ", proof + ": INVALID REVOKED");
  }

  @Test
  void aCustomersSummaryIsPrintedSignedAndVerifiedByOpenproofAndByAJoseLibrary() throws Exception {
    Path proof = files("proofs").get(0);
    String customer = JWSObject.parse(Files.readString(proof).strip()).getPayload().toJSONObject().get("sub").toString();
    String licenseNumber = proof.getFileName().toString().replace(".jwt", "");
    Path token = dir.resolve("summary.jwt");
    Path csv = dir.resolve("summary.csv");

    CommandRun summary = CommandRun.of("summary", "--customer", customer, "--dir", dir.toString(),
        "--out", token.toString(), "--csv", csv.toString());
    assertThat(summary.exitCode()).as(summary.toString()).isZero();
    assertThat(summary.out()).contains("license summary of customer " + customer, "IN_FORCE", licenseNumber);
    assertThat(Files.readString(csv)).startsWith("sku,product,quantity,type,term_ends,sa_ends,state,proofs\r\n").contains(licenseNumber);

    CommandRun verify = CommandRun.of("verify", "--jwks", jwks, token.toString());
    assertThat(verify.exitCode()).as(verify.toString()).isZero();
    assertThat(verify.out()).contains(token + ": VALID license summary of customer " + customer);

    JWSObject jws = JWSObject.parse(Files.readString(token).strip());
    assertThat(jws.getHeader().getType().getType()).isEqualTo("license-summary+jwt");
    com.nimbusds.jose.jwk.JWKSet keys = com.nimbusds.jose.jwk.JWKSet.load(dir.resolve("jwks.json").toFile());
    assertThat(jws.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(keys.getKeyByKeyId(jws.getHeader().getKeyID()).toECKey())))
        .isTrue();

    Files.writeString(token, Files.readString(token).replace(".", ".x"));
    assertThat(CommandRun.of("verify", "--jwks", jwks, token.toString()).exitCode()).isEqualTo(1);
    assertThat(CommandRun.of("summary", "--dir", dir.toString()).exitCode()).isNotZero();
  }

  @Test
  void aReminderIsMailedOnceBeforeTheSubscriptionEnds() throws Exception {
    int mails = files("outbox").size();
    CommandRun remind = CommandRun.of("remind", "--dir", dir.toString(), "--now", "2029-03-10T09:00:00Z");
    assertThat(remind.exitCode()).as(remind.toString()).isZero();
    assertThat(remind.out()).contains("1 sent");
    List<Path> outbox = files("outbox");
    assertThat(outbox).hasSize(mails + 1);
    assertThat(CommandRun.of("remind", "--dir", dir.toString(), "--now", "2029-03-11T09:00:00Z").out()).contains("0 sent");
    assertThat(CommandRun.of("remind", "--dir", dir.toString(), "--now", "2029-03-26T09:00:00Z").out()).contains("1 sent");
  }
}
