package dev.openproof.jwt.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Published test vectors: the signatures must be checked, and made, exactly as the RFCs show. */
class KnownAnswerTest {
  // RFC 7515, appendix A.3: ES256.
  private static final String RFC7515_A3_JWK = "{\"kty\":\"EC\",\"crv\":\"P-256\","
      + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
      + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\","
      + "\"d\":\"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI\"}";
  private static final String RFC7515_A3_TOKEN = "eyJhbGciOiJFUzI1NiJ9"
      + ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
      + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

  // RFC 8037, appendices A.1 to A.4: Ed25519.
  private static final String RFC8037_A1_JWK = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
      + "\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\","
      + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
  private static final String RFC8037_A3_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";
  private static final String RFC8037_A4_SIGNING_INPUT = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc";
  private static final String RFC8037_A4_SIGNATURE =
      "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

  @Test
  void verifiesTheEs256ExampleOfRfc7515() throws Exception {
    ECKey jwk = ECKey.parse(RFC7515_A3_JWK);
    VerificationKey key = VerificationKey.of(jwk.toECPublicKey(), JwsAlgorithm.ES256, "rfc7515-a3");
    int dot = RFC7515_A3_TOKEN.lastIndexOf('.');
    byte[] input = RFC7515_A3_TOKEN.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = Base64.getUrlDecoder().decode(RFC7515_A3_TOKEN.substring(dot + 1));

    assertThat(key.verify(input, signature)).isTrue();
    input[input.length - 1] ^= 1;
    assertThat(key.verify(input, signature)).isFalse();
  }

  @Test
  void signsTheEd25519ExampleOfRfc8037ByteForByte() throws Exception {
    SigningKey key = SigningKey.fromJwk(OctetKeyPair.parse(RFC8037_A1_JWK));

    byte[] signature = key.sign(RFC8037_A4_SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII));

    assertThat(Base64URL.encode(signature).toString()).isEqualTo(RFC8037_A4_SIGNATURE);
    assertThat(key.algorithm()).isEqualTo(JwsAlgorithm.EDDSA);
  }

  @Test
  void verifiesTheEd25519ExampleOfRfc8037() throws Exception {
    VerificationKey key = VerificationKey.of(
        Ed25519Keys.publicKey(OctetKeyPair.parse(RFC8037_A1_JWK).getDecodedX()), JwsAlgorithm.EDDSA, "rfc8037");
    byte[] input = RFC8037_A4_SIGNING_INPUT.getBytes(StandardCharsets.US_ASCII);
    byte[] signature = Base64.getUrlDecoder().decode(RFC8037_A4_SIGNATURE);

    assertThat(key.verify(input, signature)).isTrue();
    signature[0] ^= 1;
    assertThat(key.verify(input, signature)).isFalse();
  }

  @Test
  void derivesTheEd25519PublicKeyOfRfc8037FromItsPrivateKey() throws Exception {
    OctetKeyPair jwk = OctetKeyPair.parse(RFC8037_A1_JWK);

    byte[] x = Ed25519Keys.rawPublic(Ed25519Keys.publicOf(jwk.getDecodedD()));

    assertThat(Base64URL.encode(x)).isEqualTo(jwk.getX());
  }

  @Test
  void namesAKeyByItsRfc7638Thumbprint() throws Exception {
    SigningKey key = SigningKey.fromJwk(OctetKeyPair.parse(RFC8037_A1_JWK));

    assertThat(key.keyId()).isEqualTo(RFC8037_A3_THUMBPRINT);
  }
}
