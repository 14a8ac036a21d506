package dev.openproof.service;

import dev.openproof.jwt.key.Jwks;
import dev.openproof.spring.OpenProofProperties;
import dev.openproof.spring.SigningKeys;
import dev.openproof.spring.StatusListPublisher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuer's public data, open to anyone: the JWK Set and the status lists. The static
 * verification page ({@code GET /verify}, once the certificate module exists) belongs here too.
 */
@RestController
class PublicController {
  static final String STATUS_LIST = "application/statuslist+jwt";
  static final String JWK_SET = "application/jwk-set+json";

  private final SigningKeys keys;
  private final @Nullable StatusListPublisher publisher;
  private final String statusBase;

  PublicController(SigningKeys keys, ObjectProvider<StatusListPublisher> publisher, OpenProofProperties properties) {
    this.keys = keys;
    this.publisher = publisher.getIfAvailable();
    String site = properties.getSiteUrl().toString();
    this.statusBase = (site.endsWith("/") ? site.substring(0, site.length() - 1) : site) + "/status/";
  }

  @Operation(summary = "The issuer's public keys, active first, with kid, alg and use")
  @GetMapping(path = "/.well-known/jwks.json", produces = {JWK_SET, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<String> jwks() {
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(5, TimeUnit.MINUTES).cachePublic())
        .header("Access-Control-Allow-Origin", "*")
        .body(Jwks.toJson(keys.ring().publicJwks()));
  }

  @Operation(summary = "A signed Token Status List", responses = {
      @ApiResponse(responseCode = "200", description = "the list", content = @Content(mediaType = STATUS_LIST)),
      @ApiResponse(responseCode = "404", description = "no such list", content = @Content(mediaType = "application/problem+json"))})
  @GetMapping(path = "/status/{n}", produces = STATUS_LIST)
  ResponseEntity<String> status(@PathVariable("n") String n) {
    StatusListPublisher p = publisher;
    if (p == null || !n.matches("[1-9][0-9]{0,9}")) {
      throw new ApiErrors.NotFound("UNKNOWN_STATUS_LIST", "no status list " + n.replaceAll("[^0-9]", "") + " was started");
    }
    StatusListPublisher.Token token = p.token(statusBase + n)
        .orElseThrow(() -> new ApiErrors.NotFound("UNKNOWN_STATUS_LIST", "no status list " + n + " was started"));
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(token.remaining(Instant.now())).cachePublic())
        .header("Access-Control-Allow-Origin", "*")
        .contentType(MediaType.parseMediaType(STATUS_LIST))
        .body(token.token());
  }
}
