package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.event.FulfillmentEvent;
import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Customer;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.core.testing.SampleOrders;
import dev.openproof.core.validation.InvalidOrderException;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransfersTest {
  private static final AuthorizationNumber AUTH = AuthorizationNumber.of("V4271183AUTH");
  private static final Customer NEW_OWNER =
      new Customer("C-990001", "Konditorei Weber GmbH", "DE", "lizenzen@weber.example.test", Locale.GERMAN);

  private final WorkflowFixture fx = new WorkflowFixture();
  private final InMemoryStatusLists lists = InMemoryStatusLists.create("https://licensing.example.test/status", 1024, new Random(5));
  private final LicenseFulfillment workflow = fx.builder().statusLists(lists).build();

  private List<LicenseProof> twoOrdersUnderOneAuthorization() {
    Order first = SampleOrders.germanSubscription();
    Order second = new Order(OrderId.of("OVS-2021-0302-10"), first.program(), first.placedAt(), first.currency(),
        AUTH, first.distributor(), first.reseller(), first.customer(), first.lines().subList(0, 1));
    return List.of(workflow.fulfill(first).issuedProof().orElseThrow().proof(),
        workflow.fulfill(second).issuedProof().orElseThrow().proof());
  }

  @Test
  void aTransferReplacesEveryProofByOneToTheNewOwnerUnderANewAuthorization() {
    List<LicenseProof> old = twoOrdersUnderOneAuthorization();
    TransferResult result = workflow.afterSale().transfer(AUTH, NEW_OWNER, "company sold its bakery");
    assertThat(result.from()).isEqualTo(AUTH);
    assertThat(result.to()).isNotEqualTo(AUTH);
    assertThat(result.newProofs()).hasSize(2);
    assertThat(result.allDelivered()).isTrue();
    for (int i = 0; i < 2; i++) {
      LicenseProof moved = result.newProofs().get(i).proof();
      assertThat(moved.replacesProof()).contains(old.get(i).proofId());
      assertThat(moved.entitlements()).isEqualTo(old.get(i).entitlements());
      assertThat(moved.customer()).isEqualTo(NEW_OWNER.ref());
      assertThat(moved.authorizationNumber()).isEqualTo(result.to());
      assertThat(moved.orderId()).isEqualTo(old.get(i).orderId());
      assertThat(result.newProofs().get(i).recipient().email()).isEqualTo("lizenzen@weber.example.test");
      assertThat(lists.status(moved.proofId())).contains(ProofStatus.VALID);
      ProofRecord was = fx.ledger.findProof(old.get(i).proofId()).orElseThrow();
      assertThat(was.revoked().orElseThrow().reason()).isEqualTo("transferred");
      assertThat(lists.status(old.get(i).proofId())).contains(ProofStatus.INVALID);
    }
    assertThat(workflow.findProofs(result.to())).hasSize(2);
    assertThat(workflow.findProofsOfCustomer("C-990001")).hasSize(2);
    assertThat(fx.events(FulfillmentEvent.LicenseTransferred.class)).hasSize(2)
        .allSatisfy(e -> assertThat(e.reason()).isEqualTo("company sold its bakery"));
  }

  @Test
  void transferringAgainRepeatsTheFirstTransferAndIssuesNothingNew() {
    twoOrdersUnderOneAuthorization();
    TransferResult first = workflow.afterSale().transfer(AUTH, NEW_OWNER, "sold");
    TransferResult again = workflow.afterSale().transfer(AUTH, NEW_OWNER, "sold");
    assertThat(again.to()).isEqualTo(first.to());
    assertThat(again.newProofs()).isEqualTo(first.newProofs());
    assertThat(again.deliveries()).extracting(d -> d.status()).containsOnly(DeliveryStatus.DELIVERED);
    assertThat(fx.delivery.delivered()).hasSize(4);
    assertThat(fx.events(FulfillmentEvent.ProofReplaced.class)).hasSize(2);
  }

  @Test
  void anUnknownOrEmptiedAuthorizationAndAnInvalidOwnerAreRefused() {
    List<LicenseProof> old = twoOrdersUnderOneAuthorization();
    assertThatThrownBy(() -> workflow.afterSale().transfer(AuthorizationNumber.of("NOPE"), NEW_OWNER, "x"))
        .isInstanceOfSatisfying(FulfillmentException.class, e -> assertThat(e.reasonCode()).isEqualTo("UNKNOWN_AUTHORIZATION"));
    Customer invalid = new Customer("C 1", "Name", "Germany", "not-an-address", Locale.GERMAN);
    assertThatThrownBy(() -> workflow.afterSale().transfer(AUTH, invalid, " "))
        .isInstanceOfSatisfying(InvalidOrderException.class, e -> assertThat(e.violations()).extracting(v -> v.path())
            .contains("customer.id", "customer.country", "customer.email", "reason"));
    old.forEach(p -> workflow.revoke(p.proofId(), "returned"));
    assertThatThrownBy(() -> workflow.afterSale().transfer(AUTH, NEW_OWNER, "x"))
        .isInstanceOfSatisfying(FulfillmentException.class, e -> assertThat(e.reasonCode()).isEqualTo("NOTHING_TO_TRANSFER"));
  }
}
