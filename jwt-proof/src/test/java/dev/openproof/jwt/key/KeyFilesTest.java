package dev.openproof.jwt.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPrivateKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyFilesTest {
  @TempDir
  Path dir;

  private static void assertSameKey(SigningKey read, SigningKey written) {
    assertThat(read.keyId()).isEqualTo(written.keyId());
    assertThat(read.algorithm()).isEqualTo(written.algorithm());
    assertThat(read.publicJwk()).isEqualTo(written.publicJwk());
    byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
    assertThat(written.verificationKey().verify(input, read.sign(input))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void readsBackAPrivateJwk(JwsAlgorithm algorithm) {
    SigningKey key = SigningKey.generate(algorithm);
    Path file = dir.resolve("signing-key.jwk");

    KeyFiles.writeJwk(file, key);

    assertSameKey(KeyFiles.readJwk(file), key);
  }

  @Test
  void writesPrivateKeysForTheOwnerOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    SigningKey key = SigningKey.generate(JwsAlgorithm.ES256);
    Path jwk = dir.resolve("key.jwk");
    Path pem = dir.resolve("key.pem");
    Path p12 = dir.resolve("key.p12");
    Files.writeString(jwk, "old");
    Files.setPosixFilePermissions(jwk, PosixFilePermissions.fromString("rw-r--r--"));

    KeyFiles.writeJwk(jwk, key);
    KeyFiles.writePem(pem, key);
    KeyFiles.writePkcs12(p12, key, "proof-signing", "changeit".toCharArray());

    for (Path file : new Path[] {jwk, pem, p12}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("key.jwk", "key.pem", "key.p12");
    }
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void readsBackPkcs8Pem(JwsAlgorithm algorithm) throws Exception {
    SigningKey key = SigningKey.generate(algorithm);
    Path file = dir.resolve("key.pem");

    KeyFiles.writePem(file, key);

    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertSameKey(KeyFiles.readPem(file, algorithm), key);
  }

  @Test
  void infersTheAlgorithmOfAPemKeyFromItsType() {
    for (JwsAlgorithm algorithm : new JwsAlgorithm[] {JwsAlgorithm.ES256, JwsAlgorithm.EDDSA, JwsAlgorithm.RS256}) {
      SigningKey key = SigningKey.generate(algorithm);
      Path file = dir.resolve(algorithm + ".pem");
      KeyFiles.writePem(file, key);

      assertThat(KeyFiles.readPem(file).algorithm()).isEqualTo(algorithm);
    }
  }

  @Test
  void derivesThePublicKeyOfAPkcs8EcKey() throws Exception {
    // The private key of RFC 7515 appendix A.3, as a PKCS#8 file without its public key.
    ECKey rfc = ECKey.parse("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
        + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\",\"d\":\"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI\"}");
    ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
        .generatePrivate(new ECPrivateKeySpec(rfc.getD().decodeToBigInteger(), P256Keys.PARAMS));
    Path file = dir.resolve("rfc7515.pem");
    Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(privateKey.getEncoded()) + "\n-----END PRIVATE KEY-----\n");

    ECKey read = (ECKey) KeyFiles.readPem(file).publicJwk();

    assertThat(read.getX()).isEqualTo(rfc.getX());
    assertThat(read.getY()).isEqualTo(rfc.getY());
  }

  @Test
  void explainsHowToConvertATraditionalPem() throws Exception {
    Path file = dir.resolve("sec1.pem");
    Files.writeString(file, "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n");

    assertThatThrownBy(() -> KeyFiles.readPem(file)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openssl pkcs8");
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void readsBackAPkcs12KeyStore(JwsAlgorithm algorithm) {
    SigningKey key = SigningKey.generate(algorithm);
    Path file = dir.resolve("keys.p12");

    KeyFiles.writePkcs12(file, key, "proof-signing", "s3cret".toCharArray());

    assertSameKey(KeyFiles.readPkcs12(file, "s3cret".toCharArray(), null, algorithm), key);
    assertSameKey(KeyFiles.readPkcs12(file, "s3cret".toCharArray(), "proof-signing", algorithm), key);
  }

  @Test
  void refusesAPkcs12KeyStoreWithTheWrongPassword() {
    Path file = dir.resolve("keys.p12");
    KeyFiles.writePkcs12(file, SigningKey.generate(JwsAlgorithm.ES256), "proof-signing", "s3cret".toCharArray());

    assertThatThrownBy(() -> KeyFiles.readPkcs12(file, "wrong".toCharArray(), null, JwsAlgorithm.ES256))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsAKeyStoreMadeByKeytool() throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    assumeTrue(Files.isExecutable(keytool));
    Path file = dir.resolve("keytool.p12");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "signing", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=OpenProof test", "-validity", "1", "-storetype", "PKCS12",
        "-keystore", file.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor()).isZero();

    SigningKey key = KeyFiles.readPkcs12(file, "changeit".toCharArray(), "signing", JwsAlgorithm.ES256);

    assertThat(key.keyId()).isEqualTo(key.publicJwk().computeThumbprint().toString());
  }
}
