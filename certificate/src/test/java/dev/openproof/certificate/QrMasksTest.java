package dev.openproof.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegment;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
        for (int mask = 0; mask < 8; mask++) {
          QrCode reference = QrCode.encodeSegments(segments, level, version, version, mask, false);
          byte[] ours = QrMasks.withMask(plain, mask);
          assertThat(ours).as("version %d, level %s, mask %d", version, level, mask).isEqualTo(modules(reference));
        }
      }
    }
  }

  @Test
  void theChosenMaskIsTheOneTheLibraryChoosesForLinksOfEveryLength() {
    Random random = new Random(5);
    Set<Integer> masks = new HashSet<>();
    for (int length = 1; length <= 2900; length += 23) {
      String link = "https://licensing.example.test/verify.html#" + token(random, length);
      assertSameChoice(link, QrCode.Ecc.LOW, true, masks);
    }
    assertThat(masks).as("the links exercise most masks").hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void theChosenMaskIsTheOneTheLibraryChoosesForRegularTextsAtEveryLevel() {
    Set<Integer> masks = new HashSet<>();
    for (int length = 1; length <= 1200; length += 37) {
      for (QrCode.Ecc level : QrCode.Ecc.values()) {
        assertSameChoice("A".repeat(length), level, false, masks);
        assertSameChoice("0123456789".repeat(length / 10 + 1), level, false, masks);
        assertSameChoice("ab".repeat(length), level, false, masks);
      }
    }
    assertThat(masks).hasSize(8);
  }

  private static void assertSameChoice(String text, QrCode.Ecc level, boolean boost, Set<Integer> masks) {
    List<QrSegment> segments = QrSegment.makeSegments(text);
    QrCode chosen;
    try {
      chosen = QrCode.encodeSegments(segments, level, 1, 40, -1, boost);
    } catch (DataTooLongException e) {
      return;
    }
    QrCode plain = QrCode.encodeSegments(segments, level, 1, 40, 0, boost);
    assertThat(QrMasks.best(plain)).as("%d characters at %s, mask %d", text.length(), level, chosen.mask).isEqualTo(modules(chosen));
    masks.add(chosen.mask);
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
