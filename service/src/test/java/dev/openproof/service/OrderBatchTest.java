package dev.openproof.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch body is split into each order's own text, untouched; only the array itself is checked. */
class OrderBatchTest {

  @Test
  void eachElementKeepsItsOwnTextDuplicatesAndAll() {
    String first = "{\"order_id\":\"PO-1\",\"order_id\":\"PO-2\"}";
    String second = "{ \"nested\": [1, {\"a\": \"]\"}] }";
    assertThat(OrderBatch.elements(" [" + first + " ,\n" + second + ", 42, \"x\"] ", 10))
        .containsExactly(first, second, "42", "\"x\"");
    assertThat(OrderBatch.elements("[]", 10)).isEmpty();
  }

  @Test
  void aBodyThatIsNoArrayIsRefusedWhole() {
    for (String body : List.of("", "{}", "[{}", "[{}] []", "[{\"a\":]", "nope")) {
      ApiErrors.BadRequest e = catchThrowableOfType(ApiErrors.BadRequest.class, () -> OrderBatch.elements(body, 10));
      assertThat(e).as(body).isNotNull();
      assertThat(e.reasonCode).isEqualTo("INVALID_BATCH");
    }
  }

  @Test
  void moreElementsThanAllowedAreRefusedBeforeTheRestIsRead() {
    String body = "[" + String.join(",", Collections.nCopies(3, "{}")) + ",{\"a\":";
    ApiErrors.ApiException e = catchThrowableOfType(ApiErrors.ApiException.class, () -> OrderBatch.elements(body, 2));
    assertThat(e.reasonCode).isEqualTo("BATCH_TOO_LARGE");
    assertThat(OrderBatch.elements("[{},{}]", 2)).hasSize(2);
  }
}
