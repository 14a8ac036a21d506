package dev.openproof.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link Base64Url#decode(byte[], int, int)} hands the work to the JDK's decoder; it must accept
 * exactly what the strict loop it replaced accepted (the loop is kept here as the reference), and
 * decode it to the same bytes.
 */
class Base64UrlAgreesWithTheStrictLoopTest {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final int[] VALUES = new int[256];

  static {
    Arrays.fill(VALUES, -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      VALUES[ALPHABET.charAt(i)] = i;
    }
  }

  /** The strict decoder as it was: unpadded alphabet only, canonical trailing bits, or null. */
  private static byte @Nullable [] reference(byte[] ascii, int from, int to) {
    int length = to - from;
    int tail = length % 4;
    if (tail == 1) {
      return null;
    }
    byte[] out = new byte[length / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
    int next = 0;
    int invalid = 0;
    int i = from;
    for (; i < to - tail; i += 4) {
      int quad = VALUES[ascii[i] & 0xff] << 18 | VALUES[ascii[i + 1] & 0xff] << 12
          | VALUES[ascii[i + 2] & 0xff] << 6 | VALUES[ascii[i + 3] & 0xff];
      invalid |= quad;
      out[next++] = (byte) (quad >> 16);
      out[next++] = (byte) (quad >> 8);
      out[next++] = (byte) quad;
    }
    if (invalid < 0) {
      return null;
    }
    if (tail == 2) {
      int pair = VALUES[ascii[i] & 0xff] << 6 | VALUES[ascii[i + 1] & 0xff];
      if (pair < 0 || (pair & 0x0f) != 0) {
        return null;
      }
      out[next] = (byte) (pair >> 4);
    } else if (tail == 3) {
      int triple = VALUES[ascii[i] & 0xff] << 12 | VALUES[ascii[i + 1] & 0xff] << 6 | VALUES[ascii[i + 2] & 0xff];
      if (triple < 0 || (triple & 0x03) != 0) {
        return null;
      }
      out[next++] = (byte) (triple >> 10);
      out[next] = (byte) (triple >> 2);
    }
    return out;
  }

  private static void assertAgrees(byte[] ascii, int from, int to) {
    byte[] expected = reference(ascii, from, to);
    byte[] actual = Base64Url.decode(ascii, from, to);
    if (expected == null) {
      assertThat(actual).as("%s", new String(ascii, from, to - from, StandardCharsets.ISO_8859_1)).isNull();
    } else {
      assertThat(actual).as("%s", new String(ascii, from, to - from, StandardCharsets.ISO_8859_1)).isEqualTo(expected);
    }
  }

  @Property(tries = 3000)
  void anyTextOfBase64LikeCharactersDecodesAsTheLoopDecodedIt(@ForAll("base64ish") String text,
      @ForAll("margins") int before, @ForAll("margins") int after) {
    byte[] ascii = new byte[before + text.length() + after];
    Arrays.fill(ascii, (byte) '.');
    byte[] body = text.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(body, 0, ascii, before, body.length);
    assertAgrees(ascii, before, before + body.length);
  }

  @Property(tries = 2000)
  void anyEncodingDecodesToItsBytesAndAnyEditAsTheLoopDecidedIt(@ForAll byte[] value, @ForAll("positions") int at,
      @ForAll byte replacement) {
    byte[] ascii = Base64.getUrlEncoder().withoutPadding().encode(value);
    assertThat(Base64Url.decode(ascii, 0, ascii.length)).isEqualTo(value);
    if (ascii.length > 0) {
      ascii[Math.floorMod(at, ascii.length)] = replacement;
      assertAgrees(ascii, 0, ascii.length);
    }
  }

  @Test
  void paddingNonCanonicalTailsAndForeignBytesAreRefusedAsBefore() {
    for (String text : new String[] {"", "QQ", "QR", "QUE", "QUF", "QQ==", "QUE=", "QUFB", "QUFB=", "Q", "QUFBQ",
        "QU+B", "QU/B", "QU B", "Q=FB", "QQ=A", "QUFB\u00e9", "QUF\u0080", "AA==AAAA", "A=AAAAAA"}) {
      byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
      assertAgrees(ascii, 0, ascii.length);
    }
    assertThat(Base64Url.decode("QUFB".getBytes(StandardCharsets.US_ASCII), 0, 4)).isEqualTo("AAA".getBytes(StandardCharsets.US_ASCII));
    assertThat(Base64Url.decode("QR".getBytes(StandardCharsets.US_ASCII), 0, 2)).isNull();
    assertThat(Base64Url.decode("QQ==".getBytes(StandardCharsets.US_ASCII), 0, 4)).isNull();
  }

  @Provide
  Arbitrary<String> base64ish() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(ALPHABET).ofMinLength(0).ofMaxLength(120),
        Arbitraries.strings().withChars(ALPHABET + "=+/ .\n\u0000\u007f\u0080\u00ff").ofMinLength(0).ofMaxLength(120),
        Arbitraries.strings().withChars(ALPHABET).ofMinLength(0).ofMaxLength(120).map(s -> s + "="),
        Arbitraries.strings().withChars(ALPHABET).ofMinLength(0).ofMaxLength(120).map(s -> s + "=="));
  }

  @Provide
  Arbitrary<Integer> margins() {
    return Arbitraries.integers().between(0, 5);
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 1000);
  }
}
