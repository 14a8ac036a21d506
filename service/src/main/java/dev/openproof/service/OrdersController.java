package dev.openproof.service;

import dev.openproof.core.fulfillment.FulfillmentResult;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.orderjson.OrderJson;
import dev.openproof.spring.OpenProofOperations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/orders}: orders in, their results out. */
@RestController
class OrdersController {
  private final OpenProofOperations operations;
  private final OrderJson orders = OrderJson.create();
  private final int maxBytes;

  OrdersController(OpenProofOperations operations, ServiceProperties properties) {
    this.operations = operations;
    this.maxBytes = properties.getMaxOrderBytes();
  }

  @Operation(summary = "Fulfill an order", description = "An order in the form of order.schema.json. 201 when it is"
      + " new, 200 with the same body when it was fulfilled before.",
      requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
          schema = @Schema(type = "object", description = "an order, as order.schema.json describes it"))),
      responses = {
          @ApiResponse(responseCode = "201", description = "fulfilled now"),
          @ApiResponse(responseCode = "200", description = "fulfilled before; nothing was done again"),
          @ApiResponse(responseCode = "401", description = "no valid API key or token", content = @Content),
          @ApiResponse(responseCode = "409", description = "ORDER_CONFLICT: the order id was used for another order",
              content = @Content(mediaType = "application/problem+json")),
          @ApiResponse(responseCode = "413", description = "the body is over the limit",
              content = @Content(mediaType = "application/problem+json")),
          @ApiResponse(responseCode = "422", description = "INVALID_ORDER, with every violation",
              content = @Content(mediaType = "application/problem+json"))})
  @PostMapping(path = "/v1/orders", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Views.OrderView> post(HttpServletRequest request) throws IOException {
    Order order = orders.parse(Bodies.read(request, maxBytes), "order");
    FulfillmentResult result = operations.fulfill(order);
    Views.OrderView view = Views.OrderView.of(result);
    return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .location(URI.create("/v1/orders/" + java.net.URLEncoder.encode(view.orderId(), StandardCharsets.UTF_8)))
        .body(view);
  }

  @Operation(summary = "An order's result", responses = {
      @ApiResponse(responseCode = "200", description = "the order was fulfilled"),
      @ApiResponse(responseCode = "404", description = "no such order was fulfilled",
          content = @Content(mediaType = "application/problem+json"))})
  @GetMapping(path = "/v1/orders/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  Views.OrderView get(@PathVariable("id") String id) {
    return operations.find(ids(id)).map(Views.OrderView::of)
        .orElseThrow(() -> new ApiErrors.NotFound("UNKNOWN_ORDER", "no order " + id + " was fulfilled"));
  }

  private static OrderId ids(String id) {
    try {
      return OrderId.of(id);
    } catch (IllegalArgumentException e) {
      throw new ApiErrors.NotFound("UNKNOWN_ORDER", "no order with that id was fulfilled");
    }
  }
}
