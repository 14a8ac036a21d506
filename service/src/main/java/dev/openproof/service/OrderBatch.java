package dev.openproof.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Splits a batch body, a JSON array of orders, into the text of each element, untouched, so that
 * each order is read by exactly the rules of a single order (duplicate members, sizes, the schema)
 * and a bad one fails alone. Only the array's own syntax is checked here: where the elements begin
 * and end cannot be told in a document that is not JSON, so such a body is refused whole.
 */
final class OrderBatch {
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .build();

  private OrderBatch() {}

  /**
   * The elements of the array, in order.
   *
   * @param body the whole body
   * @param maxOrders the most elements accepted
   * @return each element's JSON text
   * @throws ApiErrors.BadRequest with {@code INVALID_BATCH} if the body is no JSON array
   * @throws ApiErrors.ApiException 413 {@code BATCH_TOO_LARGE} past {@code maxOrders} elements
   */
  static List<String> elements(String body, int maxOrders) {
    List<String> elements = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw invalid("the body must be a JSON array of orders");
      }
      for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
        if (token == null) {
          throw invalid("the array of orders is not closed");
        }
        if (elements.size() == maxOrders) {
          throw new ApiErrors.ApiException(HttpStatus.CONTENT_TOO_LARGE, "BATCH_TOO_LARGE",
              "a batch carries at most " + maxOrders + " orders", null);
        }
        int start = (int) parser.currentTokenLocation().getCharOffset();
        if (token.isStructStart()) {
          parser.skipChildren();
        } else {
          parser.finishToken(); // a string is read lazily: read it to its closing quote
        }
        int end = (int) parser.currentLocation().getCharOffset();
        elements.add(body.substring(start, end));
      }
      if (parser.nextToken() != null) {
        throw invalid("nothing may follow the array of orders");
      }
    } catch (JsonProcessingException e) {
      throw invalid("the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String never fails to read
    }
    return elements;
  }

  private static ApiErrors.BadRequest invalid(String message) {
    return new ApiErrors.BadRequest("INVALID_BATCH", "", message);
  }
}
