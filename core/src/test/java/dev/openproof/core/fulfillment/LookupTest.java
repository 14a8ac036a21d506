package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.exchange.DeliveryKind;
import dev.openproof.core.testing.SampleOrders;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LookupTest {
  private final WorkflowFixture fx = new WorkflowFixture();
  private final InMemoryStatusLists lists = InMemoryStatusLists.create("https://licensing.example.test/status", 1024, new Random(5));
  private final LicenseFulfillment workflow = fx.builder().statusLists(lists).build();

  @Test
  void proofsAreFoundByLicenseNumberAuthorizationAndCustomer() {
    LicenseProof russian = workflow.fulfill(SampleOrders.russian()).issuedProof().orElseThrow().proof();
    LicenseProof german = workflow.fulfill(SampleOrders.germanSubscription()).issuedProof().orElseThrow().proof();
    assertThat(workflow.findProof(german.licenseNumber())).get().extracting(r -> r.proof()).isEqualTo(german);
    assertThat(workflow.findProofs(german.authorizationNumber())).extracting(r -> r.proof()).containsExactly(german);
    assertThat(workflow.findProofsOfCustomer("C-100234")).extracting(r -> r.proof()).containsExactly(russian);
    assertThat(workflow.findProofsOfCustomer("C-NONE")).isEmpty();
  }

  @Test
  void resendRevokeSuspendAndReinstateTakeALicenseNumber() {
    LicenseProof proof = workflow.fulfill(SampleOrders.russian()).issuedProof().orElseThrow().proof();
    LicenseNumber number = proof.licenseNumber();
    assertThat(workflow.resend(number).request().kind()).isEqualTo(DeliveryKind.RESEND);
    assertThat(workflow.suspend(number)).isEqualTo(ProofStatus.SUSPENDED);
    assertThat(workflow.reinstate(number)).isEqualTo(ProofStatus.VALID);
    assertThat(workflow.revoke(number, "returned").proofId()).isEqualTo(proof.proofId());
    assertThat(lists.status(proof.proofId())).contains(ProofStatus.INVALID);
  }

  @Test
  void anUnknownLicenseNumberIsRefusedWithItsCode() {
    LicenseNumber unknown = LicenseNumber.withCheckDigit("99999999");
    for (Runnable call : new Runnable[] {() -> workflow.resend(unknown), () -> workflow.revoke(unknown, "x"),
        () -> workflow.suspend(unknown), () -> workflow.reinstate(unknown)}) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(FulfillmentException.class, e -> assertThat(e.reasonCode()).isEqualTo("UNKNOWN_LICENSE"));
    }
  }
}
