package dev.openproof.core.exchange;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file that goes with a proof's mail beside the {@code .jwt}, such as the printable certificate.
 *
 * @param fileName the file's name as the customer sees it: 1 to 100 characters, letters, digits,
 *     {@code .}, {@code -} and {@code _} only, not starting with a dot
 * @param mediaType the media type, such as {@code application/pdf}
 * @param content the file's bytes, at most {@link #MAX_BYTES}; copied in and out
 * @since 0.1.0
 */
public record Attachment(String fileName, String mediaType, byte[] content) {
  /** The largest attachment: 10 MiB. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  /** Checks the file name, the media type and the size, and copies the bytes. */
  public Attachment {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(content, "content");
    if (!fileName.matches("[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}")) {
      throw new IllegalArgumentException("an attachment's file name is 1 to 100 letters, digits, '.', '-' or '_', not starting with '.'");
    }
    if (!mediaType.matches("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*")) {
      throw new IllegalArgumentException("not a media type: " + mediaType.replaceAll("\\p{Cntrl}", "?"));
    }
    if (content.length > MAX_BYTES) {
      throw new IllegalArgumentException("an attachment holds at most " + MAX_BYTES + " bytes, not " + content.length);
    }
    content = content.clone();
  }

  /**
   * The file's bytes.
   *
   * @return a copy of the bytes
   */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /**
   * How many bytes the file has.
   *
   * @return the size
   */
  public int size() {
    return content.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Attachment that && fileName.equals(that.fileName) && mediaType.equals(that.mediaType)
        && Arrays.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, mediaType, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "Attachment[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
  }
}
