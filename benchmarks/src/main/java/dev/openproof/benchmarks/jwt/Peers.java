package dev.openproof.benchmarks.jwt;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.openproof.jwt.key.JwsAlgorithm;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The peers' verifiers for one key, configured as a careful caller would: the expected {@code typ}
 * ({@code license-proof+jwt}), the expected issuer, expiry checked against a fixed clock. Where a
 * library has no {@code typ} check of its own (jjwt, auth0), the benchmark compares the header's
 * {@code typ} after verifying, as such a caller must.
 */
final class Peers {
  private static final String TYPE = "license-proof+jwt";

  private final @Nullable DefaultJWTProcessor<SecurityContext> nimbus;
  private final JwtParser jjwt;
  private final @Nullable JWTVerifier auth0;

  private Peers(@Nullable DefaultJWTProcessor<SecurityContext> nimbus, JwtParser jjwt, @Nullable JWTVerifier auth0) {
    this.nimbus = nimbus;
    this.jjwt = jjwt;
    this.auth0 = auth0;
  }

  static Peers of(JwsAlgorithm algorithm, JWK publicJwk, PublicKey key, String issuer, Instant now) {
    DefaultJWTProcessor<SecurityContext> nimbus = null;
    if (algorithm != JwsAlgorithm.EDDSA) {
      nimbus = new DefaultJWTProcessor<>();
      nimbus.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TYPE)));
      nimbus.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(algorithm.joseName()),
          new ImmutableJWKSet<>(new JWKSet(publicJwk))));
      nimbus.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
          new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("iss", "iat")) {
        @Override
        protected Date currentTime() {
          return Date.from(now);
        }
      });
    }
    JwtParser jjwt = Jwts.parser().verifyWith(key).requireIssuer(issuer).clock(() -> Date.from(now)).build();
    Algorithm auth0Algorithm = switch (algorithm) {
      case ES256 -> Algorithm.ECDSA256((ECPublicKey) key);
      case RS256 -> Algorithm.RSA256((RSAPublicKey) key);
      case PS256 -> Algorithm.RSA256PSS((RSAPublicKey) key);
      case EDDSA -> null;
    };
    JWTVerifier auth0 = auth0Algorithm == null ? null
        : ((JWTVerifier.BaseVerification) JWT.require(auth0Algorithm).withIssuer(issuer)).build(Clock.fixed(now, ZoneOffset.UTC));
    return new Peers(nimbus, jjwt, auth0);
  }

  /** Fails unless every peer that supports the algorithm accepts the token and reads its {@code jti}. */
  void check(String token, String jti) {
    for (Object claims : new Object[] {nimbus(token), jjwt(token), auth0(token)}) {
      String read = claims instanceof JWTClaimsSet set ? set.getJWTID()
          : claims instanceof Claims map ? map.getId()
          : claims instanceof DecodedJWT decoded ? decoded.getId()
          : jti;
      if (!jti.equals(read)) {
        throw new IllegalStateException("a peer did not read the token: " + claims);
      }
    }
  }

  /** nimbus's processor: typ, signature, issuer, iat required, exp when present. */
  Object nimbus(String token) {
    if (nimbus == null) {
      return "EdDSA needs Google Tink in nimbus";
    }
    try {
      return nimbus.process(token, null);
    } catch (java.text.ParseException | BadJOSEException | com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException("nimbus rejected the token", e);
    }
  }

  /** jjwt's parser: signature, issuer, exp and nbf when present; then typ. */
  Object jjwt(String token) {
    Jws<Claims> jws = jjwt.parseSignedClaims(token);
    if (!TYPE.equalsIgnoreCase(jws.getHeader().getType())) {
      throw new IllegalStateException("jjwt: wrong typ");
    }
    return jws.getPayload();
  }

  /** auth0's verifier: signature, issuer, exp, nbf and iat when present; then typ. */
  Object auth0(String token) {
    if (auth0 == null) {
      return "auth0 java-jwt has no EdDSA";
    }
    DecodedJWT decoded = auth0.verify(token);
    if (!TYPE.equalsIgnoreCase(decoded.getType())) {
      throw new IllegalStateException("auth0: wrong typ");
    }
    return decoded;
  }
}
