package dev.openproof.service;

import dev.openproof.certificate.site.SiteWriter;
import dev.openproof.jwt.key.Jwks;
import dev.openproof.spring.OpenProofProperties;
import dev.openproof.spring.SigningKeys;
import dev.openproof.spring.StatusListPublisher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuer's public data, open to anyone: the JWK Set, the status lists and the verification page.
 * The page ({@code /verify}, and {@code /verify.html}, where a certificate's QR code points) carries
 * the current keys and fetches what it lacks relative to itself, so {@code /jwks.json} and {@code
 * /status/<n>.jwt} serve the same as {@code /.well-known/jwks.json} and {@code /status/<n>}.
 */
@RestController
class PublicController {
  static final String STATUS_LIST = "application/statuslist+jwt";
  static final String JWK_SET = "application/jwk-set+json";
  private static final Pattern CSP = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">");

  private final SigningKeys keys;
  private final @Nullable StatusListPublisher publisher;
  private final String statusBase;
  private final String issuer;

  PublicController(SigningKeys keys, ObjectProvider<StatusListPublisher> publisher, OpenProofProperties properties) {
    this.keys = keys;
    this.publisher = publisher.getIfAvailable();
    String site = properties.getSiteUrl().toString();
    this.statusBase = (site.endsWith("/") ? site.substring(0, site.length() - 1) : site) + "/status/";
    this.issuer = properties.getIssuer();
  }

  @Operation(summary = "The verification page: checks a proof in the browser against this issuer's keys and status lists",
      responses = @ApiResponse(responseCode = "200", description = "the page", content = @Content(mediaType = MediaType.TEXT_HTML_VALUE)))
  @GetMapping(path = {"/verify", "/verify.html"}, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> verify() {
    String page = SiteWriter.builder().issuer(issuer).statusBase(statusBase.substring(0, statusBase.length() - 1))
        .jwks(Jwks.toJson(keys.ring().publicJwks())).embedKeys(true).build().page();
    Matcher csp = CSP.matcher(page);
    if (!csp.find()) {
      throw new IllegalStateException("the verification page carries no Content-Security-Policy");
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noCache())
        .header("Content-Security-Policy", csp.group(1))
        .header("Referrer-Policy", "no-referrer")
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(page);
  }

  @Operation(summary = "The issuer's public keys, beside the verification page (as /.well-known/jwks.json)")
  @GetMapping(path = "/jwks.json", produces = {JWK_SET, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<String> siteJwks() {
    return jwks();
  }

  @Operation(summary = "A signed Token Status List, beside the verification page (as /status/{n})", responses = {
      @ApiResponse(responseCode = "200", description = "the list", content = @Content(mediaType = STATUS_LIST)),
      @ApiResponse(responseCode = "404", description = "no such list", content = @Content(mediaType = "application/problem+json"))})
  @GetMapping(path = "/status/{n}.jwt", produces = STATUS_LIST)
  ResponseEntity<String> statusFile(@PathVariable("n") String n) {
    return status(n);
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
