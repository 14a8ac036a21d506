package dev.openproof.service;

import dev.openproof.certificate.ProofCertificate;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.ProofRecord;
import dev.openproof.spring.IssuedProof;
import dev.openproof.spring.OpenProofOperations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/proofs/{id}}: an issued proof as JSON, as its token or as its PDF certificate (in the
 * language of the proof mail's), and what is done with it after the sale.
 */
@RestController
class ProofsController {
  static final String JWT = "application/jwt";
  private static final int MAX_REASON = 200;

  private final OpenProofOperations operations;
  private final @Nullable ProofCertificate certificate;

  ProofsController(OpenProofOperations operations, ObjectProvider<ProofCertificate> certificate) {
    this.operations = operations;
    this.certificate = certificate.getIfAvailable();
  }

  @Operation(summary = "An issued proof, its deliveries and status", responses = {
      @ApiResponse(responseCode = "200", description = "the proof"),
      @ApiResponse(responseCode = "404", description = "UNKNOWN_PROOF", content = @Content(mediaType = "application/problem+json"))})
  @GetMapping(path = "/v1/proofs/{id}", produces = "application/json")
  Views.ProofView get(@PathVariable("id") String id) {
    return Views.ProofView.of(find(id));
  }

  @Operation(summary = "An issued proof's token (compact JWS)", responses = {
      @ApiResponse(responseCode = "200", description = "the token", content = @Content(mediaType = JWT)),
      @ApiResponse(responseCode = "404", description = "UNKNOWN_PROOF", content = @Content(mediaType = "application/problem+json"))})
  @GetMapping(path = "/v1/proofs/{id}", produces = JWT)
  String token(@PathVariable("id") String id) {
    return find(id).record().signedProof().token();
  }

  @Operation(summary = "An issued proof's printable certificate (PDF/A-2b), with the QR code of the verification page", responses = {
      @ApiResponse(responseCode = "200", description = "the certificate", content = @Content(mediaType = ProofCertificate.MEDIA_TYPE)),
      @ApiResponse(responseCode = "404", description = "UNKNOWN_PROOF", content = @Content(mediaType = "application/problem+json")),
      @ApiResponse(responseCode = "406", description = "CERTIFICATE_DISABLED (openproof.certificate.enabled=false)",
          content = @Content(mediaType = "application/problem+json"))})
  @GetMapping(path = "/v1/proofs/{id}", produces = ProofCertificate.MEDIA_TYPE)
  ResponseEntity<byte[]> certificate(@PathVariable("id") String id) {
    ProofCertificate renderer = certificate;
    if (renderer == null) {
      throw new ApiErrors.ApiException(HttpStatus.NOT_ACCEPTABLE, "CERTIFICATE_DISABLED",
          "this service renders no certificates (openproof.certificate.enabled=false)", null);
    }
    ProofRecord record = find(id).record();
    byte[] pdf = renderer.render(record.proof(), record.signedProof(), record.recipient().language());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(ProofCertificate.fileName(record.proof())).build().toString())
        .body(pdf);
  }

  @Operation(summary = "Send a proof to its customer again; the mail names the first one's Message-ID")
  @PostMapping(path = "/v1/proofs/{id}/resend", produces = "application/json")
  Views.DeliveryView resend(@PathVariable("id") String id) {
    DeliveryRecord resend = operations.resend(proofId(id));
    return Views.DeliveryView.of(resend);
  }

  @Operation(summary = "Revoke a proof, for good; the status list says so")
  @PostMapping(path = "/v1/proofs/{id}/revoke", consumes = "application/json", produces = "application/json")
  Views.RevocationView revoke(@PathVariable("id") String id, @RequestBody Views.RevokeRequest body) {
    String reason = body.reason() == null ? "" : body.reason().strip();
    if (reason.isEmpty() || reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
      throw new ApiErrors.BadRequest("INVALID_REASON", "reason", "must be 1 to " + MAX_REASON + " characters of one line");
    }
    return Views.RevocationView.of(operations.revoke(proofId(id), reason));
  }

  @Operation(summary = "Suspend a proof until it is reinstated")
  @PostMapping(path = "/v1/proofs/{id}/suspend", produces = "application/json")
  Views.StatusView suspend(@PathVariable("id") String id) {
    return new Views.StatusView(id, Views.statusName(operations.suspend(proofId(id))));
  }

  @Operation(summary = "End a proof's suspension")
  @PostMapping(path = "/v1/proofs/{id}/reinstate", produces = "application/json")
  Views.StatusView reinstate(@PathVariable("id") String id) {
    return new Views.StatusView(id, Views.statusName(operations.reinstate(proofId(id))));
  }

  private IssuedProof find(String id) {
    return operations.proof(proofId(id)).orElseThrow(ProofsController::unknown);
  }

  private static ProofId proofId(String id) {
    try {
      return ProofId.of(id);
    } catch (IllegalArgumentException e) {
      throw unknown();
    }
  }

  private static ApiErrors.NotFound unknown() {
    return new ApiErrors.NotFound("UNKNOWN_PROOF", "no proof with that id was issued");
  }
}
