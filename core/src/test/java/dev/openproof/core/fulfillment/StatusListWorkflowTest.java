package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openproof.core.memory.InMemoryStatusLists;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.model.ProofStatus;
import dev.openproof.core.model.StatusReference;
import dev.openproof.core.testing.SampleOrders;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatusListWorkflowTest {
  private final WorkflowFixture fx = new WorkflowFixture();
  private final InMemoryStatusLists lists =
      InMemoryStatusLists.create("https://licensing.example.test/status", 1024, new Random(5));
  private final LicenseFulfillment workflow = fx.builder().statusLists(lists).build();

  @Test
  void eachProofCarriesItsPlaceInTheListAsSigned() {
    LicenseProof proof = workflow.fulfill(SampleOrders.russian()).issuedProof().orElseThrow().proof();
    StatusReference ref = proof.statusReference().orElseThrow();
    assertThat(lists.find(proof.proofId())).contains(ref);
    assertThat(fx.ledger.findProof(proof.proofId()).orElseThrow().proof().statusReference()).contains(ref);
    assertThat(fx.delivery.attempted().get(0).proof().statusReference()).contains(ref);
    assertThat(lists.status(proof.proofId())).contains(ProofStatus.VALID);
  }

  @Test
  void revokingMarksTheEntryInvalidForGood() {
    ProofId proofId = workflow.fulfill(SampleOrders.russian()).issuedProof().orElseThrow().proof().proofId();
    workflow.revoke(proofId, "order returned");
    assertThat(lists.status(proofId)).contains(ProofStatus.INVALID);
    assertThatThrownBy(() -> workflow.reinstate(proofId))
        .isInstanceOfSatisfying(FulfillmentException.class, e -> assertThat(e.reasonCode()).isEqualTo("PROOF_REVOKED"));
    assertThat(lists.status(proofId)).contains(ProofStatus.INVALID);
  }

  @Test
  void suspendAndReinstateToggleTheEntry() {
    ProofId proofId = workflow.fulfill(SampleOrders.russian()).issuedProof().orElseThrow().proof().proofId();
    assertThat(workflow.suspend(proofId)).isEqualTo(ProofStatus.SUSPENDED);
    assertThat(lists.status(proofId)).contains(ProofStatus.SUSPENDED);
    assertThat(workflow.reinstate(proofId)).isEqualTo(ProofStatus.VALID);
    assertThat(lists.status(proofId)).contains(ProofStatus.VALID);
  }

  @Test
  void withoutStatusListsProofsCarryNoReferenceAndCannotBeSuspended() {
    LicenseFulfillment plain = new WorkflowFixture().workflow();
    LicenseProof proof = plain.fulfill(SampleOrders.russian()).issuedProof().orElseThrow().proof();
    assertThat(proof.statusReference()).isEmpty();
    assertThatThrownBy(() -> plain.suspend(proof.proofId())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> workflow.suspend(ProofId.of("nope")))
        .isInstanceOfSatisfying(FulfillmentException.class, e -> assertThat(e.reasonCode()).isEqualTo("UNKNOWN_PROOF"));
  }
}
