package dev.openproof.jwt.status;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The encoding of a Token Status List's {@code lst}: each entry's value in {@code bits} bits (1, 2, 4
 * or 8), packed into bytes least-significant bits first (entry 0 in the lowest bits of byte 0),
 * compressed with DEFLATE in the ZLIB format (RFC 1950, at the highest level) and written as
 * base64url without padding.
 *
 * <p>Decoding is strict and bounded: only the unpadded base64url alphabet, a complete ZLIB stream
 * with nothing after it, and no more than a given number of bytes once inflated.
 *
 * @since 0.1.0
 */
public final class StatusListCodec {
  /** The default limit of an inflated list: 16 MiB, 2^27 entries of 1 bit. */
  public static final int DEFAULT_MAX_BYTES = 16 << 20;

  private StatusListCodec() {}

  /**
   * Encodes entries as {@code lst}.
   *
   * @param values one value per entry, each below 2^bits
   * @param bits bits per entry: 1, 2, 4 or 8
   * @return the base64url text
   * @throws IllegalArgumentException if {@code bits} or a value is out of range
   */
  public static String encode(byte[] values, int bits) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(compress(pack(values, bits)));
  }

  /**
   * Decodes {@code lst} into one value per entry; the count is the inflated bytes times {@code 8 / bits}
   * (an encoder pads the last byte with zero entries).
   *
   * @param lst the base64url text
   * @param bits bits per entry: 1, 2, 4 or 8
   * @param maxBytes the most bytes the list may inflate to
   * @return the values
   * @throws IllegalArgumentException if the text is not base64url, not a complete ZLIB stream, or
   *     inflates beyond {@code maxBytes}
   */
  public static byte[] decode(String lst, int bits, int maxBytes) {
    requireBits(bits);
    return unpack(inflate(base64url(lst), maxBytes), bits);
  }

  /**
   * Packs values into bytes, least-significant bits first.
   *
   * @param values one value per entry, each below 2^bits
   * @param bits bits per entry: 1, 2, 4 or 8
   * @return {@code ceil(values.length * bits / 8)} bytes
   * @throws IllegalArgumentException if {@code bits} or a value is out of range
   */
  public static byte[] pack(byte[] values, int bits) {
    Objects.requireNonNull(values, "values");
    requireBits(bits);
    int perByte = 8 / bits;
    int max = (1 << bits) - 1;
    byte[] packed = new byte[(values.length + perByte - 1) / perByte];
    for (int i = 0; i < values.length; i++) {
      int value = values[i] & 0xFF;
      if (value > max) {
        throw new IllegalArgumentException("entry " + i + " has value " + value + ", more than " + bits + " bits hold");
      }
      packed[i / perByte] |= (byte) (value << ((i % perByte) * bits));
    }
    return packed;
  }

  /**
   * Unpacks bytes into one value per entry, least-significant bits first.
   *
   * @param packed the bytes
   * @param bits bits per entry: 1, 2, 4 or 8
   * @return {@code packed.length * 8 / bits} values
   */
  public static byte[] unpack(byte[] packed, int bits) {
    requireBits(bits);
    int perByte = 8 / bits;
    int mask = (1 << bits) - 1;
    byte[] values = new byte[packed.length * perByte];
    for (int i = 0; i < values.length; i++) {
      values[i] = (byte) (((packed[i / perByte] & 0xFF) >>> ((i % perByte) * bits)) & mask);
    }
    return values;
  }

  /**
   * Compresses bytes with DEFLATE in the ZLIB format at the highest level.
   *
   * @param bytes the bytes
   * @return the ZLIB stream
   */
  public static byte[] compress(byte[] bytes) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(bytes);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 8));
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  private static byte[] inflate(byte[] zlib, int maxBytes) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(zlib);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException("lst is not a complete ZLIB stream");
        }
        if (out.size() + n > maxBytes) {
          throw new IllegalArgumentException("lst inflates to more than " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
      if (inflater.getRemaining() > 0) {
        throw new IllegalArgumentException("lst has bytes after its ZLIB stream");
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("lst is not ZLIB-compressed data");
    } finally {
      inflater.end();
    }
  }

  private static byte[] base64url(String text) {
    Objects.requireNonNull(text, "lst");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        throw new IllegalArgumentException("lst is not unpadded base64url");
      }
    }
    try {
      return Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("lst is not unpadded base64url");
    }
  }

  static void requireBits(int bits) {
    if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
      throw new IllegalArgumentException("bits must be 1, 2, 4 or 8, not " + bits);
    }
  }
}
