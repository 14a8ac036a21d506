package dev.openproof.service;

import dev.openproof.core.OpenProofException;
import dev.openproof.core.fulfillment.FulfillmentException;
import dev.openproof.core.validation.InvalidOrderException;
import dev.openproof.core.validation.Violation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure as {@code application/problem+json} (RFC 9457) with a stable {@code reason_code}:
 * 422 {@code INVALID_ORDER} with its {@code violations}, 409 {@code ORDER_CONFLICT} and {@code
 * PROOF_REVOKED}, 404 for unknown ids, 413 for a body over the limit, 503 where a port failed. No
 * problem carries a stack trace or a secret.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {
  /** The reason code of an order id used again for a different order (raised by core). */
  static final String ORDER_CONFLICT = "ORDER_CONFLICT";
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  ApiErrors() {}

  @ExceptionHandler(InvalidOrderException.class)
  ResponseEntity<ProblemDetail> invalidOrder(InvalidOrderException e) {
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, e.reasonCode(),
        "The order breaks " + e.violations().size() + (e.violations().size() == 1 ? " rule" : " rules")
            + "; nothing was stored.");
    List<Map<String, String>> violations = e.violations().stream().map(ApiErrors::violation).toList();
    problem.setProperty("violations", violations);
    return respond(problem);
  }

  @ExceptionHandler(OpenProofException.class)
  ResponseEntity<ProblemDetail> openProof(OpenProofException e) {
    HttpStatus status = statusOf(e.reasonCode());
    if (status.is5xxServerError()) {
      LOG.warn("request failed: {}: {}", e.reasonCode(), e.getMessage());
    }
    ResponseEntity<ProblemDetail> response = respond(problem(status, e.reasonCode(), String.valueOf(e.getMessage())));
    if (e.reason() == FulfillmentException.Reason.ORDER_IN_PROGRESS) {
      return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "1").body(response.getBody());
    }
    return response;
  }

  /** The HTTP status of a reason code of the library. */
  static HttpStatus statusOf(String reasonCode) {
    return switch (reasonCode) {
      case ORDER_CONFLICT, "PROOF_REVOKED" -> HttpStatus.CONFLICT;
      case "UNKNOWN_PROOF" -> HttpStatus.NOT_FOUND;
      case "INVALID_ORDER" -> HttpStatus.UNPROCESSABLE_CONTENT;
      default -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    ProblemDetail problem = problem(e.status, e.reasonCode, String.valueOf(e.getMessage()));
    if (e.path != null) {
      problem.setProperty("violations", List.of(Map.of("path", e.path, "message", e.getMessage())));
    }
    return respond(problem);
  }

  @ExceptionHandler(IllegalStateException.class)
  ResponseEntity<ProblemDetail> illegalState(IllegalStateException e) {
    // suspend or reinstate of a proof issued without status lists, or on a workflow without them.
    return respond(problem(HttpStatus.CONFLICT, "STATUS_UNAVAILABLE", String.valueOf(e.getMessage())));
  }

  private static ProblemDetail problem(HttpStatus status, String reasonCode, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("https://openproof.dev/problems/" + reasonCode.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
    problem.setTitle(reasonCode);
    problem.setProperty("reason_code", reasonCode);
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  private static Map<String, String> violation(Violation v) {
    return Map.of("path", v.path(), "message", v.message());
  }

  /** A failure of the API itself, with its status and reason code. */
  static class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final HttpStatus status;
    final String reasonCode;
    final @org.jspecify.annotations.Nullable String path;

    ApiException(HttpStatus status, String reasonCode, String message, @org.jspecify.annotations.Nullable String path) {
      super(message, null, false, false);
      this.status = status;
      this.reasonCode = reasonCode;
      this.path = path;
    }
  }

  /** 404. */
  static final class NotFound extends ApiException {
    private static final long serialVersionUID = 1L;

    NotFound(String reasonCode, String message) {
      super(HttpStatus.NOT_FOUND, reasonCode, message, null);
    }
  }

  /** 400, naming the member at fault. */
  static final class BadRequest extends ApiException {
    private static final long serialVersionUID = 1L;

    BadRequest(String reasonCode, String path, String message) {
      super(HttpStatus.BAD_REQUEST, reasonCode, message, path);
    }
  }

  /** 413. */
  static final class TooLarge extends ApiException {
    private static final long serialVersionUID = 1L;

    TooLarge(int limit) {
      super(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", "the body is larger than " + limit + " bytes", null);
    }
  }
}
