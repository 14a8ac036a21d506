package dev.openproof.certificate;

import java.io.ByteArrayOutputStream;
import java.util.zip.Deflater;

/** Compresses the streams the certificate writes itself (the PDF's {@code FlateDecode}), one deflater kept per thread. */
final class Deflate {
  private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(Deflater::new);

  private Deflate() {}

  /** The bytes in zlib form, at the default level. */
  static byte[] of(byte[] bytes) {
    return of(bytes, Deflater.DEFAULT_COMPRESSION);
  }

  /** The bytes in zlib form, at {@code level}. */
  static byte[] of(byte[] bytes, int level) {
    Deflater deflater = DEFLATER.get();
    deflater.reset();
    deflater.setLevel(level);
    deflater.setInput(bytes);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    return out.toByteArray();
  }
}
