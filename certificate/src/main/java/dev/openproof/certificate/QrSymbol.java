package dev.openproof.certificate;

import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegment;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/** The QR code of the verification link, drawn as vector squares (one rectangle per run of dark modules). */
final class QrSymbol {
  /** The light margin around the symbol, in modules, as the standard asks. */
  static final int QUIET_ZONE = 4;

  private final int version;
  private final int size;
  private final byte[] modules;

  private QrSymbol(int version, int size, byte[] modules) {
    this.version = version;
    this.size = size;
    this.modules = modules;
  }

  /**
   * The symbol of a text, at the lowest error correction that the smallest version allows, raised
   * when it fits the same version, under the mask of least penalty ({@link QrMasks}); empty when the
   * text is too long for any QR code.
   */
  static Optional<QrSymbol> of(String text) {
    QrCode plain;
    try {
      plain = QrCode.encodeSegments(QrSegment.makeSegments(text), QrCode.Ecc.LOW, 1, 40, 0, true);
    } catch (DataTooLongException e) {
      return Optional.empty();
    }
    return Optional.of(new QrSymbol(plain.version, plain.size, QrMasks.best(plain)));
  }

  int version() {
    return version;
  }

  /** Whether the module in column {@code x}, row {@code y} is dark. */
  boolean module(int x, int y) {
    return modules[y * size + x] != 0;
  }

  /**
   * Draws the symbol with its quiet zone in the square at ({@code x}, {@code y}), {@code side} wide:
   * the {@link #rectangles() rectangles} are set in whole modules, scaled once, so that the page holds
   * small integers.
   */
  void draw(Canvas canvas, float x, float y, float side) throws IOException {
    int span = size + 2 * QUIET_ZONE;
    canvas.fill(x, y, side, side, Canvas.WHITE);
    int[] rectangles = rectangles();
    canvas.fillUnits(x, y, side / span, span, rectangles, rectangles.length, 0x000000);
  }

  /**
   * The dark modules as rectangles in page units of one module, the quiet zone included and y upwards,
   * four numbers each (left, bottom, width, height): each row's runs of dark modules, a run that
   * repeats the run above it (same first column, same length) joined to it as one taller rectangle.
   * Every dark module lies in exactly one rectangle, every light one in none.
   */
  int[] rectangles() {
    int span = size + 2 * QUIET_ZONE;
    int[] out = new int[size * size * 2];
    int n = 0;
    // Per first column: 1 + the index of the rectangle whose run ended there on the row above, or 0.
    int[] above = new int[size];
    int[] here = new int[size];
    for (int row = 0; row < size; row++) {
      Arrays.fill(here, 0);
      int at = row * size;
      int col = 0;
      while (col < size) {
        if (modules[at + col] == 0) {
          col++;
          continue;
        }
        int start = col;
        while (col < size && modules[at + col] != 0) {
          col++;
        }
        int joined = above[start] - 1;
        if (joined >= 0 && out[joined + 2] == col - start) {
          out[joined + 1]--;
          out[joined + 3]++;
          here[start] = joined + 1;
        } else {
          out[n] = QUIET_ZONE + start;
          out[n + 1] = span - (QUIET_ZONE + row + 1);
          out[n + 2] = col - start;
          out[n + 3] = 1;
          here[start] = n + 1;
          n += 4;
        }
      }
      int[] swap = above;
      above = here;
      here = swap;
    }
    return Arrays.copyOf(out, n);
  }
}
