package dev.openproof.certificate;

import io.nayuki.qrcodegen.QrCode;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Chooses the mask of a QR symbol by the standard's penalty rules (ISO/IEC 18004, 7.8.3), the way
 * the encoding library scores its eight candidates, but on one flat array and in one pass per rule:
 * the library's own choice drew and scored eight full symbols and cost ten times the rest of the
 * encoding for the long links of a certificate.
 *
 * <p>The library encodes the data once, under mask 0; removing that mask gives the unmasked symbol,
 * and each candidate is that symbol with its mask and its format information. The result is the
 * symbol the library would make with the same mask, which the tests check module by module.
 */
final class QrMasks {
  private static final int N1 = 3;
  private static final int N2 = 3;
  private static final int N3 = 40;
  private static final int N4 = 10;
  private static final AtomicReferenceArray<byte[][]> PATTERNS = new AtomicReferenceArray<>(41);

  private QrMasks() {}

  /** The symbol of {@code plain} (made with mask 0) under the mask of least penalty, as rows of modules, 1 for dark. */
  static byte[] best(QrCode plain) {
    if (plain.mask != 0) {
      throw new IllegalArgumentException("the symbol must be made with mask 0, not " + plain.mask);
    }
    int size = plain.size;
    byte[][] patterns = patterns(plain.version);
    byte[] unmasked = new byte[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int i = y * size + x;
        unmasked[i] = (byte) ((plain.getModule(x, y) ? 1 : 0) ^ patterns[0][i]);
      }
    }
    int[] runs = new int[size + 2];
    byte[] best = withMask(unmasked, patterns[0], size, formatBits(plain.errorCorrectionLevel, 0));
    int bestScore = penalty(best, size, runs);
    for (int mask = 1; mask < 8; mask++) {
      byte[] candidate = withMask(unmasked, patterns[mask], size, formatBits(plain.errorCorrectionLevel, mask));
      int score = penalty(candidate, size, runs);
      if (score < bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best;
  }

  /**
   * The eight masks of a version as the modules they invert (1), the fixed patterns and the format
   * and version information left out; made once per version.
   */
  static byte[][] patterns(int version) {
    byte[][] known = PATTERNS.get(version);
    if (known != null) {
      return known;
    }
    int size = version * 4 + 17;
    boolean[] function = functionModules(version);
    byte[][] patterns = new byte[8][size * size];
    for (int mask = 0; mask < 8; mask++) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          patterns[mask][y * size + x] = (byte) (!function[y * size + x] && masked(mask, x, y) ? 1 : 0);
        }
      }
    }
    PATTERNS.compareAndSet(version, null, patterns);
    return PATTERNS.get(version);
  }

  /** The symbol under one mask (given as {@link #patterns}), with that mask's format information. */
  static byte[] withMask(byte[] unmasked, byte[] pattern, int size, int format) {
    byte[] out = new byte[size * size];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (unmasked[i] ^ pattern[i]);
    }
    for (int i = 0; i < 15; i++) {
      byte bit = (byte) ((format >>> i) & 1);
      // The copy beside the upper left finder: down column 8, then left along row 8.
      int x1 = i < 8 ? 8 : 14 - i;
      int y1 = i < 6 ? i : i < 8 ? i + 1 : 8;
      if (i == 8) {
        x1 = 7;
      }
      out[y1 * size + x1] = bit;
      // The copy split between the other two finders.
      if (i < 8) {
        out[8 * size + size - 1 - i] = bit;
      } else {
        out[(size - 15 + i) * size + 8] = bit;
      }
    }
    out[(size - 8) * size + 8] = 1;
    return out;
  }

  /** Whether mask {@code mask} inverts the module in column {@code x}, row {@code y}. */
  static boolean masked(int mask, int x, int y) {
    switch (mask) {
      case 0: return (x + y) % 2 == 0;
      case 1: return y % 2 == 0;
      case 2: return x % 3 == 0;
      case 3: return (x + y) % 3 == 0;
      case 4: return (x / 3 + y / 2) % 2 == 0;
      case 5: return x * y % 2 + x * y % 3 == 0;
      case 6: return (x * y % 2 + x * y % 3) % 2 == 0;
      case 7: return ((x + y) % 2 + x * y % 3) % 2 == 0;
      default: throw new IllegalArgumentException("no mask " + mask);
    }
  }

  /** The 15 format bits of an error correction level and a mask: BCH(15,5), then the fixed XOR pattern. */
  static int formatBits(QrCode.Ecc level, int mask) {
    int levelBits;
    switch (level) {
      case LOW: levelBits = 1; break;
      case MEDIUM: levelBits = 0; break;
      case QUARTILE: levelBits = 3; break;
      default: levelBits = 2; break;
    }
    int data = levelBits << 3 | mask;
    int remainder = data << 10;
    for (int bit = 14; bit >= 10; bit--) {
      if (((remainder >>> bit) & 1) != 0) {
        remainder ^= 0x537 << (bit - 10);
      }
    }
    return (data << 10 | remainder) ^ 0x5412;
  }

  /** Which modules of a version belong to the fixed patterns, the format and the version information. */
  static boolean[] functionModules(int version) {
    int size = version * 4 + 17;
    boolean[] function = new boolean[size * size];
    box(function, size, 0, 0, 9, 9);
    box(function, size, size - 8, 0, 8, 9);
    box(function, size, 0, size - 8, 9, 8);
    box(function, size, 6, 0, 1, size);
    box(function, size, 0, 6, size, 1);
    int[] centres = alignmentCentres(version);
    int last = centres.length - 1;
    for (int i = 0; i <= last; i++) {
      for (int j = 0; j <= last; j++) {
        boolean finder = (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0);
        if (!finder) {
          box(function, size, centres[i] - 2, centres[j] - 2, 5, 5);
        }
      }
    }
    if (version >= 7) {
      box(function, size, size - 11, 0, 3, 6);
      box(function, size, 0, size - 11, 6, 3);
    }
    return function;
  }

  /** The rows (and columns) of the alignment patterns' centres: from 6 to size - 7, evenly spaced by an even step. */
  static int[] alignmentCentres(int version) {
    if (version == 1) {
      return new int[0];
    }
    int count = version / 7 + 2;
    int size = version * 4 + 17;
    int step = version == 32 ? 26 : (int) Math.ceil((size - 13) / (double) (2 * count - 2)) * 2;
    int[] centres = new int[count];
    centres[0] = 6;
    for (int i = count - 1, at = size - 7; i >= 1; i--, at -= step) {
      centres[i] = at;
    }
    return centres;
  }

  private static void box(boolean[] grid, int size, int left, int top, int width, int height) {
    for (int y = top; y < top + height; y++) {
      for (int x = left; x < left + width; x++) {
        grid[y * size + x] = true;
      }
    }
  }

  /**
   * The penalty of a symbol: runs of five or more modules of one colour in a line (N1), 2x2 blocks of
   * one colour (N2), finder-like 1:1:3:1:1 patterns with four light modules on a side, the margin
   * counting as light (N3), and the dark share's distance from half in steps of 5% (N4). The loops
   * over modules count without branching on a module's colour, which is as good as random.
   */
  static int penalty(byte[] modules, int size, int[] runs) {
    int score = 0;
    for (int line = 0; line < size; line++) {
      score += linePenalty(modules, line * size, 1, size, runs);
      score += linePenalty(modules, line, size, size, runs);
    }
    int blocks = 0;
    int dark = 0;
    for (int y = 0; y + 1 < size; y++) {
      int row = y * size;
      for (int x = 0; x + 1 < size; x++) {
        int sum = modules[row + x] + modules[row + x + 1] + modules[row + size + x] + modules[row + size + x + 1];
        blocks += ((sum & 3) == 0) ? 1 : 0;
        dark += modules[row + x];
      }
      dark += modules[row + size - 1];
    }
    for (int x = (size - 1) * size; x < size * size; x++) {
      dark += modules[x];
    }
    int total = size * size;
    int steps = (Math.abs(dark * 20 - total * 10) + total - 1) / total - 1;
    return score + blocks * N2 + steps * N4;
  }

  /** N1 and N3 of one row or column: {@code stride} 1 walks a row, {@code size} a column. */
  private static int linePenalty(byte[] modules, int start, int stride, int size, int[] runs) {
    int long5 = 0;
    int longer = 0;
    int count = 0;
    int colour = 0;
    int length = 0;
    for (int k = 0, i = start; k < size; k++, i += stride) {
      int module = modules[i];
      int change = module ^ colour;
      runs[count] = length;
      count += change;
      length = length * (change ^ 1) + 1;
      long5 += length == 5 ? 1 : 0;
      longer += length > 5 ? 1 : 0;
      colour = module;
    }
    runs[count++] = length;
    if (colour != 0) {
      runs[count++] = 0;
    }
    int score = long5 * N1 + longer;
    // Light runs sit at even indices; the margin lengthens the first and the last by the symbol's size.
    runs[0] += size;
    runs[count - 1] += size;
    for (int light = 6; light < count; light += 2) {
      int n = runs[light - 5];
      if (runs[light - 3] == 3 * n && runs[light - 4] == n && runs[light - 2] == n && runs[light - 1] == n && n > 0) {
        if (runs[light - 6] >= 4 * n && runs[light] >= n) {
          score += N3;
        }
        if (runs[light] >= 4 * n && runs[light - 6] >= n) {
          score += N3;
        }
      }
    }
    return score;
  }
}
