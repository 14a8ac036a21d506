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
  private static final AtomicReferenceArray<Bits[]> PATTERNS = new AtomicReferenceArray<>(41);

  private QrMasks() {}

  /** The symbol of {@code plain} (made with mask 0) under the mask of least penalty, as rows of modules, 1 for dark. */
  static byte[] best(QrCode plain) {
    Bits unmasked = unmasked(plain);
    Bits[] patterns = patterns(plain.version);
    int[] runs = new int[plain.size + 3];
    Bits best = withMask(unmasked, patterns[0], formatBits(plain.errorCorrectionLevel, 0));
    int bestScore = penalty(best, runs, Integer.MAX_VALUE);
    for (int mask = 1; mask < 8; mask++) {
      Bits candidate = withMask(unmasked, patterns[mask], formatBits(plain.errorCorrectionLevel, mask));
      int score = penalty(candidate, runs, bestScore);
      if (score < bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best.modules();
  }

  /** The symbol of {@code plain} (made with mask 0) under mask {@code mask}, as rows of modules, 1 for dark. */
  static byte[] withMask(QrCode plain, int mask) {
    return withMask(unmasked(plain), patterns(plain.version)[mask], formatBits(plain.errorCorrectionLevel, mask)).modules();
  }

  private static Bits unmasked(QrCode plain) {
    if (plain.mask != 0) {
      throw new IllegalArgumentException("the symbol must be made with mask 0, not " + plain.mask);
    }
    Bits masked = new Bits(plain.size);
    for (int y = 0; y < plain.size; y++) {
      for (int x = 0; x < plain.size; x++) {
        if (plain.getModule(x, y)) {
          masked.dark(x, y);
        }
      }
    }
    return masked.xor(patterns(plain.version)[0]);
  }

  /**
   * The eight masks of a version as the modules they invert, the fixed patterns and the format and
   * version information left out; made once per version.
   */
  private static Bits[] patterns(int version) {
    Bits[] known = PATTERNS.get(version);
    if (known != null) {
      return known;
    }
    int size = version * 4 + 17;
    boolean[] function = functionModules(version);
    Bits[] patterns = new Bits[8];
    for (int mask = 0; mask < 8; mask++) {
      patterns[mask] = new Bits(size);
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          patterns[mask].set(x, y, !function[y * size + x] && masked(mask, x, y));
        }
      }
    }
    PATTERNS.compareAndSet(version, null, patterns);
    return PATTERNS.get(version);
  }

  /** The symbol under one mask (given as {@link #patterns}), with that mask's format information. */
  private static Bits withMask(Bits unmasked, Bits pattern, int format) {
    int size = unmasked.size;
    Bits out = unmasked.xor(pattern);
    for (int i = 0; i < 15; i++) {
      boolean bit = ((format >>> i) & 1) != 0;
      // The copy beside the upper left finder: down column 8, then left along row 8.
      int x1 = i < 8 ? 8 : 14 - i;
      int y1 = i < 6 ? i : i < 8 ? i + 1 : 8;
      if (i == 8) {
        x1 = 7;
      }
      out.set(x1, y1, bit);
      // The copy split between the other two finders.
      if (i < 8) {
        out.set(size - 1 - i, 8, bit);
      } else {
        out.set(8, size - 15 + i, bit);
      }
    }
    out.set(8, size - 8, true);
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
   * counting as light (N3), and the dark share's distance from half in steps of 5% (N4). Lines are
   * words of 64 modules: blocks and the dark share are counted a word at a time, and a line's runs
   * are read from the bits where its colour changes.
   *
   * <p>Every part of the penalty is at least zero (the dark share of a symbol of odd size is never
   * exactly half), so once the sum reaches {@code bound}, the best penalty so far, the symbol cannot
   * be chosen (a later mask wins only with less): the count stops there and returns what it has, at
   * least {@code bound}. The cheap parts, blocks and dark share, are counted first, then line by line.
   */
  private static int penalty(Bits symbol, int[] runs, int bound) {
    int size = symbol.size;
    int words = symbol.words;
    int blocks = 0;
    for (int y = 0; y + 1 < size; y++) {
      for (int w = 0; w < words; w++) {
        int at = y * words + w;
        long a = symbol.rows[at];
        long b = symbol.rows[at + words];
        long nextA = w + 1 < words ? symbol.rows[at + 1] : 0;
        long nextB = w + 1 < words ? symbol.rows[at + words + 1] : 0;
        long same = ~(a ^ b);
        long sameNext = (same >>> 1) | (~(nextA ^ nextB) << 63);
        long across = ~(a ^ ((a >>> 1) | (nextA << 63)));
        long found = same & sameNext & across;
        int valid = size - 1 - 64 * w;
        if (valid < 64) {
          found &= (1L << valid) - 1;
        }
        blocks += Long.bitCount(found);
      }
    }
    int dark = 0;
    for (long word : symbol.rows) {
      dark += Long.bitCount(word);
    }
    int total = size * size;
    int steps = (Math.abs(dark * 20 - total * 10) + total - 1) / total - 1;
    int score = blocks * N2 + steps * N4;
    for (int line = 0; line < size && score < bound; line++) {
      score += linePenalty(symbol.rows, line * words, words, size, runs);
      score += linePenalty(symbol.cols, line * words, words, size, runs);
    }
    return score;
  }

  /** N1 and N3 of one line, its modules the bits of {@code words} words from {@code offset}. */
  private static int linePenalty(long[] bits, int offset, int words, int size, int[] runs) {
    int count = 0;
    if ((bits[offset] & 1) != 0) {
      runs[count++] = 0; // the line starts dark: an empty light run first
    }
    int start = 0;
    for (int w = 0; w < words; w++) {
      long word = bits[offset + w];
      long before = (word << 1) | (w > 0 ? bits[offset + w - 1] >>> 63 : word & 1);
      long changes = word ^ before;
      int valid = size - 64 * w;
      if (valid < 64) {
        changes &= (1L << valid) - 1;
      }
      while (changes != 0) {
        int x = 64 * w + Long.numberOfTrailingZeros(changes);
        changes &= changes - 1;
        runs[count++] = x - start;
        start = x;
      }
    }
    runs[count++] = size - start;
    if ((count & 1) == 0) {
      runs[count++] = 0; // the line ends dark: an empty light run last
    }
    int score = 0;
    for (int i = 0; i < count; i++) {
      if (runs[i] >= 5) {
        score += N1 + runs[i] - 5;
      }
    }
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

  /** A symbol as bits, twice: bit x of word-row y, and bit y of word-column x, 64 modules a word. */
  private static final class Bits {
    final int size;
    final int words;
    final long[] rows;
    final long[] cols;

    Bits(int size) {
      this(size, new long[size * ((size + 63) / 64)], new long[size * ((size + 63) / 64)]);
    }

    private Bits(int size, long[] rows, long[] cols) {
      this.size = size;
      this.words = (size + 63) / 64;
      this.rows = rows;
      this.cols = cols;
    }

    boolean get(int x, int y) {
      return (rows[y * words + (x >>> 6)] >>> (x & 63) & 1) != 0;
    }

    /** Makes a module dark that is light so far: two bits set, nothing to clear. */
    void dark(int x, int y) {
      rows[y * words + (x >>> 6)] |= 1L << (x & 63);
      cols[x * words + (y >>> 6)] |= 1L << (y & 63);
    }

    void set(int x, int y, boolean dark) {
      put(rows, y * words + (x >>> 6), x & 63, dark);
      put(cols, x * words + (y >>> 6), y & 63, dark);
    }

    private static void put(long[] line, int word, int bit, boolean dark) {
      if (dark) {
        line[word] |= 1L << bit;
      } else {
        line[word] &= ~(1L << bit);
      }
    }

    Bits xor(Bits other) {
      long[] r = new long[rows.length];
      long[] c = new long[cols.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = rows[i] ^ other.rows[i];
        c[i] = cols[i] ^ other.cols[i];
      }
      return new Bits(size, r, c);
    }

    byte[] modules() {
      byte[] out = new byte[size * size];
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          out[y * size + x] = (byte) (get(x, y) ? 1 : 0);
        }
      }
      return out;
    }
  }
}
