package dev.openproof.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openproof.core.exchange.FailureKind;
import dev.openproof.core.exchange.InvoicingException;
import dev.openproof.core.exchange.SigningException;
import dev.openproof.core.fulfillment.FulfillmentException;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.core.validation.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reason codes are typed, and the strings callers see stay what they were. */
class ReasonCodesTest {

  @Test
  void theCodesOnTheWireAreUnchanged() {
    assertThat(codes(FulfillmentException.Reason.values())).contains(
        "ORDER_IN_PROGRESS", "ORDER_CONFLICT", "UNKNOWN_PROOF", "PROOF_REVOKED", "UNKNOWN_LICENSE", "NOTHING_TO_TRANSFER");
    assertThat(codes(InvalidOrderException.Reason.values())).containsExactly("INVALID_ORDER");
    assertThat(codes(SigningException.Reason.values())).containsExactly("SIGNING_FAILED", "INVALID_PROOF");
    assertThat(codes(InvoicingException.Reason.values())).containsExactly("INVOICING_FAILED");
    assertThat(codes(FailureKind.values())).containsExactly(
        "DELIVERY_TRANSIENT", "DELIVERY_PERMANENT", "DELIVERY_UNKNOWN", "DELIVERY_CONFIGURATION");
  }

  @Test
  void anExceptionCarriesItsTypedReasonAndItsCode() {
    InvalidOrderException invalid = new InvalidOrderException("order PO-1", List.of(new Violation("lines", "must not be empty")));
    assertThat(invalid.reason()).isEqualTo(InvalidOrderException.Reason.INVALID_ORDER);
    assertThat(invalid.reasonCode()).isEqualTo("INVALID_ORDER");
    SigningException signing = new SigningException("key store down", null);
    assertThat(signing.reason()).isEqualTo(SigningException.Reason.SIGNING_FAILED);
    assertThat(new dev.openproof.core.exchange.DeliveryException(FailureKind.PERMANENT, "no such user", null).reasonCode())
        .isEqualTo("DELIVERY_PERMANENT");
  }

  @Test
  void everyCodeIsUpperCaseAndUniqueAcrossCoresFamilies() {
    List<String> all = Stream.of(FulfillmentException.Reason.values(), InvalidOrderException.Reason.values(),
            SigningException.Reason.values(), InvoicingException.Reason.values(), FailureKind.values())
        .flatMap(Arrays::stream).map(ReasonCode::code).toList();
    assertThat(all).allMatch(code -> code.matches("[A-Z][A-Z0-9_]*")).doesNotHaveDuplicates();
  }

  private static List<String> codes(ReasonCode[] reasons) {
    return Arrays.stream(reasons).map(ReasonCode::code).toList();
  }
}
