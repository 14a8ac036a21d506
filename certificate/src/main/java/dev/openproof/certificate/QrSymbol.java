package dev.openproof.certificate;

import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegment;
import java.io.IOException;
import java.util.Optional;

/** The QR code of the verification link, drawn as vector squares (one rectangle per run of dark modules). */
final class QrSymbol {
  /** The light margin around the symbol, in modules, as the standard asks. */
  static final int QUIET_ZONE = 4;

  private final QrCode code;

  private QrSymbol(QrCode code) {
    this.code = code;
  }

  /**
   * The symbol of a text, at the lowest error correction that the smallest version allows, raised
   * when it fits the same version; empty when the text is too long for any QR code.
   */
  static Optional<QrSymbol> of(String text) {
    try {
      return Optional.of(new QrSymbol(QrCode.encodeSegments(QrSegment.makeSegments(text), QrCode.Ecc.LOW, 1, 40, -1, true)));
    } catch (DataTooLongException e) {
      return Optional.empty();
    }
  }

  int version() {
    return code.version;
  }

  /** Draws the symbol with its quiet zone in the square at ({@code x}, {@code y}), {@code side} wide. */
  void draw(Canvas canvas, float x, float y, float side) throws IOException {
    int modules = code.size;
    float unit = side / (modules + 2 * QUIET_ZONE);
    canvas.fill(x, y, side, side, Canvas.WHITE);
    float[] runs = new float[modules * modules * 2];
    int n = 0;
    for (int row = 0; row < modules; row++) {
      int col = 0;
      while (col < modules) {
        if (!code.getModule(col, row)) {
          col++;
          continue;
        }
        int start = col;
        while (col < modules && code.getModule(col, row)) {
          col++;
        }
        runs[n++] = x + (QUIET_ZONE + start) * unit;
        runs[n++] = y + side - (QUIET_ZONE + row + 1) * unit;
        runs[n++] = (col - start) * unit;
        runs[n++] = unit;
      }
    }
    canvas.fillAll(java.util.Arrays.copyOf(runs, n), 0x000000);
  }
}
