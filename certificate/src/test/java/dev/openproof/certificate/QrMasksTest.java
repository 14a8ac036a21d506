package dev.openproof.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegment;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The mask choice against the encoding library's own: the same symbols, module by module, and the same choice. */
class QrMasksTest {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  @Test
  void eachMaskGivesTheSymbolTheLibraryMakesWithThatMaskAtEveryVersionAndLevel() {
    Random random = new Random(11);
    for (int version = 1; version <= 40; version++) {
      for (QrCode.Ecc level : QrCode.Ecc.values()) {
        List<QrSegment> segments = QrSegment.makeSegments(token(random, version * 3));
        QrCode plain = QrCode.encodeSegments(segments, level, version, version, 0, false);
        byte[][] patterns = QrMasks.patterns(version);
        byte[] unmasked = modules(plain);
        for (int i = 0; i < unmasked.length; i++) {
          unmasked[i] ^= patterns[0][i];
        }
        for (int mask = 0; mask < 8; mask++) {
          QrCode reference = QrCode.encodeSegments(segments, level, version, version, mask, false);
          byte[] ours = QrMasks.withMask(unmasked, patterns[mask], plain.size, QrMasks.formatBits(level, mask));
          assertThat(ours).as("version %d, level %s, mask %d", version, level, mask).isEqualTo(modules(reference));
        }
      }
    }
  }

  @Test
  void theChosenMaskIsTheOneTheLibraryChoosesForLinksOfEveryLength() {
    Random random = new Random(5);
    int differentMasks = 0;
    int previous = -1;
    for (int length = 1; length <= 2900; length += 23) {
      List<QrSegment> segments = QrSegment.makeSegments("https://licensing.example.test/verify.html#" + token(random, length));
      QrCode chosen = QrCode.encodeSegments(segments, QrCode.Ecc.LOW, 1, 40, -1, true);
      QrCode plain = QrCode.encodeSegments(segments, QrCode.Ecc.LOW, 1, 40, 0, true);

      assertThat(QrMasks.best(plain)).as("a link of %d characters, mask %d", length + 43, chosen.mask).isEqualTo(modules(chosen));
      differentMasks += chosen.mask != previous ? 1 : 0;
      previous = chosen.mask;
    }
    assertThat(differentMasks).as("the links exercise more than one mask").isGreaterThan(8);
  }

  @Test
  void aSymbolMadeWithAnotherMaskIsRefused() {
    QrCode masked = QrCode.encodeSegments(QrSegment.makeSegments("openproof"), QrCode.Ecc.LOW, 1, 40, 3, true);
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> QrMasks.best(masked))
        .withMessageContaining("mask 0");
  }

  private static String token(Random random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }

  private static byte[] modules(QrCode code) {
    byte[] out = new byte[code.size * code.size];
    for (int y = 0; y < code.size; y++) {
      for (int x = 0; x < code.size; x++) {
        out[y * code.size + x] = (byte) (code.getModule(x, y) ? 1 : 0);
      }
    }
    return out;
  }
}
