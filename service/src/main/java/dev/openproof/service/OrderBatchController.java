package dev.openproof.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.openproof.core.OpenProofException;
import dev.openproof.core.fulfillment.FulfillmentOutcome;
import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.model.Order;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.orderjson.OrderJson;
import dev.openproof.spring.OpenProofOperations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/orders/batch}: a bulk import, many orders in one call, each failing alone. */
@RestController
class OrderBatchController {
  private final OpenProofOperations operations;
  private final OrderJson orders = OrderJson.create();
  private final int maxBytes;
  private final int maxOrders;

  OrderBatchController(OpenProofOperations operations, ServiceProperties properties) {
    this.operations = operations;
    this.maxBytes = properties.getMaxBatchBytes();
    this.maxOrders = properties.getMaxBatchOrders();
  }

  @Operation(summary = "Fulfill a batch of orders", description = "A JSON array of orders, each in the form of"
      + " order.schema.json, fulfilled together (one ledger transaction per batch of the workflow's batch size,"
      + " signed in parallel). Each order is read, checked and fulfilled as POST /v1/orders would, and fails"
      + " alone: the response lists, in the order given, each order's status (201 fulfilled now, 200 fulfilled"
      + " before, or the status POST /v1/orders would have answered) with its result or its problem. Sending"
      + " the same batch again does nothing twice.",
      requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
          schema = @Schema(type = "array", description = "orders, as order.schema.json describes each"))),
      responses = {
          @ApiResponse(responseCode = "200", description = "every order was fulfilled, now or before"),
          @ApiResponse(responseCode = "207", description = "some orders failed; see each result's status"),
          @ApiResponse(responseCode = "400", description = "INVALID_BATCH: the body is no JSON array",
              content = @Content(mediaType = "application/problem+json")),
          @ApiResponse(responseCode = "401", description = "no valid API key or token", content = @Content),
          @ApiResponse(responseCode = "413", description = "BODY_TOO_LARGE or BATCH_TOO_LARGE",
              content = @Content(mediaType = "application/problem+json"))})
  @PostMapping(path = "/v1/orders/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<BatchView> post(HttpServletRequest request) throws IOException {
    List<String> elements = OrderBatch.elements(Bodies.read(request, maxBytes), maxOrders);
    ItemView[] items = new ItemView[elements.size()];
    List<Order> valid = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      try {
        valid.add(orders.parse(elements.get(i), "orders[" + i + "]"));
        positions.add(i);
      } catch (InvalidOrderException e) {
        items[i] = ItemView.failed(i, null, e);
      }
    }
    List<FulfillmentOutcome> outcomes = valid.isEmpty() ? List.of() : operations.fulfillAll(valid);
    for (int k = 0; k < outcomes.size(); k++) {
      int i = positions.get(k);
      FulfillmentOutcome outcome = outcomes.get(k);
      items[i] = outcome instanceof FulfillmentOutcome.Failed f
          ? ItemView.failed(i, f.orderId().value(), f.failure())
          : ItemView.fulfilled(i, outcome.fulfilled().orElseThrow());
    }
    List<ItemView> results = List.of(items);
    int failed = (int) results.stream().filter(r -> r.problem() != null).count();
    BatchView body = new BatchView(results.size(), results.size() - failed, failed, results);
    return ResponseEntity.status(failed == 0 ? HttpStatus.OK : HttpStatus.MULTI_STATUS).body(body);
  }

  /** The answer to a batch. */
  record BatchView(
      @JsonProperty("orders") int orders,
      @JsonProperty("fulfilled") int fulfilled,
      @JsonProperty("failed") int failed,
      @JsonProperty("results") List<ItemView> results) {}

  /** One order of a batch: its result, or its problem. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ItemView(
      @JsonProperty("index") int index,
      @JsonProperty("order_id") @Nullable String orderId,
      @JsonProperty("status") int status,
      @JsonProperty("result") Views.@Nullable OrderView result,
      @JsonProperty("problem") @Nullable Map<String, Object> problem) {

    static ItemView fulfilled(int index, FulfillmentResult result) {
      return new ItemView(index, result.orderId().value(),
          (result.replayed() ? HttpStatus.OK : HttpStatus.CREATED).value(), Views.OrderView.of(result), null);
    }

    static ItemView failed(int index, @Nullable String orderId, RuntimeException failure) {
      String code = failure instanceof OpenProofException known ? known.reasonCode() : FulfillmentOutcome.Failed.UNEXPECTED;
      HttpStatus status = ApiErrors.statusOf(code);
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("reason_code", code);
      problem.put("detail", failure instanceof OpenProofException ? String.valueOf(failure.getMessage())
          : "the order could not be fulfilled; what was done is recorded and sending it again finishes it");
      if (failure instanceof InvalidOrderException invalid) {
        problem.put("violations", invalid.violations().stream()
            .map(v -> Map.of("path", v.path(), "message", v.message())).toList());
      }
      return new ItemView(index, orderId, status.value(), null, problem);
    }
  }
}
