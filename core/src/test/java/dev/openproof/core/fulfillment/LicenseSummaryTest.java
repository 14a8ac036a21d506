package dev.openproof.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.model.Customer;
import dev.openproof.core.model.LicenseProof;
import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.SummaryLine;
import dev.openproof.core.testing.SampleOrders;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LicenseSummaryTest {
  private final WorkflowFixture fx = new WorkflowFixture();
  private final LicenseFulfillment workflow = fx.workflow();

  @Test
  void aSummaryListsWhatIsInForceWithTheProofsItRestsOn() {
    LicenseProof proof = workflow.fulfill(SampleOrders.russian()).issuedProof().orElseThrow().proof();
    LicenseSummary summary = workflow.afterSale().summaryOfCustomer("C-100234", false);
    assertThat(summary.forCustomer()).contains("C-100234");
    assertThat(summary.asOf()).isEqualTo(WorkflowFixture.T0);
    assertThat(summary.lines()).extracting(SummaryLine::sku).containsExactly("021-10609", "P73-07788");
    assertThat(summary.lines()).allSatisfy(l -> {
      assertThat(l.state()).isEqualTo(SummaryLine.State.IN_FORCE);
      assertThat(l.proofs()).containsExactly(proof.licenseNumber());
    });
    assertThat(summary.lines().get(0).quantity()).isEqualTo(25);
  }

  @Test
  void returnedTransferredAndEndedRightsAreLeftOutOrMarked() {
    LicenseProof russian = workflow.fulfill(SampleOrders.russian()).issuedProof().orElseThrow().proof();
    workflow.afterSale().returnLines(russian.orderId(), List.of("P73-07788"), "one too many");
    LicenseProof german = workflow.fulfill(SampleOrders.germanSubscription()).issuedProof().orElseThrow().proof();
    Customer owner = new Customer("C-990001", "Konditorei Weber GmbH", "DE", "l@weber.example.test", Locale.GERMAN);
    workflow.afterSale().transfer(german.authorizationNumber(), owner, "sold");

    LicenseSummary russianNow = workflow.afterSale().summaryOfCustomer("C-100234", false);
    assertThat(russianNow.lines()).singleElement().satisfies(l -> {
      assertThat(l.sku()).isEqualTo("021-10609");
      assertThat(l.proofs()).doesNotContain(russian.licenseNumber());
    });
    LicenseSummary russianAll = workflow.afterSale().summaryOfCustomer("C-100234", true);
    assertThat(russianAll.lines()).extracting(SummaryLine::sku, SummaryLine::state).containsExactly(
        org.assertj.core.groups.Tuple.tuple("P73-07788", SummaryLine.State.RETURNED),
        org.assertj.core.groups.Tuple.tuple("021-10609", SummaryLine.State.IN_FORCE));

    assertThat(workflow.afterSale().summaryOfCustomer("C-880045", false).lines()).isEmpty();
    assertThat(workflow.afterSale().summaryOfAuthorization(german.authorizationNumber(), true).lines())
        .extracting(SummaryLine::state).containsOnly(SummaryLine.State.TRANSFERRED);
    LicenseSummary owners = workflow.afterSale().summaryOfCustomer("C-990001", false);
    assertThat(owners.lines()).extracting(SummaryLine::sku).containsExactly("KW5-00360", "T6A-00024");
    SummaryLine subscription = owners.lines().get(0);
    assertThat(subscription.type()).isEqualTo(LicenseType.SUBSCRIPTION);
    assertThat(subscription.termEnds()).isEqualTo(LocalDate.parse("2024-03-31"));
    assertThat(subscription.saEnds()).isNull();
    assertThat(owners.lines().get(1).saEnds()).isEqualTo(LocalDate.parse("2024-03-31"));
    assertThat(owners.lines().get(1).termEnds()).isNull();

    fx.clock.advance(Duration.ofDays(365 * 4));
    assertThat(workflow.afterSale().summaryOfCustomer("C-990001", false).lines()).isEmpty();
    assertThat(workflow.afterSale().summaryOfCustomer("C-990001", true).lines()).extracting(SummaryLine::state)
        .containsOnly(SummaryLine.State.ENDED);
  }

  @Test
  void theCsvHasAHeaderAndOneRowPerLineQuotedWhereNeeded() {
    workflow.fulfill(SampleOrders.germanSubscription());
    String csv = workflow.afterSale().summaryOfCustomer("C-880045", false).toCsv();
    String[] rows = csv.split("\r\n");
    assertThat(rows[0]).isEqualTo("sku,product,quantity,type,term_ends,sa_ends,state,proofs");
    assertThat(rows).hasSize(3);
    assertThat(rows[1]).startsWith("KW5-00360,Windows 10 Enterprise E3 (subscription),40,SUBSCRIPTION,2024-03-31,,IN_FORCE,");
    assertThat(rows[2]).startsWith("T6A-00024,Exchange Server Standard CAL,40,LICENSE_AND_SOFTWARE_ASSURANCE,,2024-03-31,IN_FORCE,");
  }
}
