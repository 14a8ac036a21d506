package dev.openproof.jwt.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Known answers from draft-ietf-oauth-status-list (its 1-bit and 2-bit examples), and refusals. */
class StatusListCodecTest {
  private static final String DRAFT_1_BIT = "eNrbuRgAAhcBXQ";
  private static final byte[] DRAFT_1_BIT_VALUES = {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1};
  private static final String DRAFT_2_BIT = "eNo76fITAAPfAgc";
  private static final byte[] DRAFT_2_BIT_VALUES = {1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3};

  @Test
  void decodesTheDraftsOneBitList() {
    assertThat(StatusListCodec.decode(DRAFT_1_BIT, 1, 1024)).containsExactly(DRAFT_1_BIT_VALUES);
  }

  @Test
  void decodesTheDraftsTwoBitList() {
    // 12 entries in 3 bytes: the decoded list has exactly those.
    assertThat(StatusListCodec.decode(DRAFT_2_BIT, 2, 1024)).containsExactly(DRAFT_2_BIT_VALUES);
  }

  @Test
  void packsLeastSignificantBitsFirstAsTheDraftDoes() {
    assertThat(StatusListCodec.pack(DRAFT_1_BIT_VALUES, 1)).containsExactly(0xB9, 0xA3);
    assertThat(StatusListCodec.pack(DRAFT_2_BIT_VALUES, 2)).containsExactly(0xC9, 0x44, 0xF9);
  }

  @Test
  void encodesTheDraftsListsByteForByte() {
    assertThat(StatusListCodec.encode(DRAFT_1_BIT_VALUES, 1)).isEqualTo(DRAFT_1_BIT);
    assertThat(StatusListCodec.encode(DRAFT_2_BIT_VALUES, 2)).isEqualTo(DRAFT_2_BIT);
  }

  @Test
  void refusesPaddingAndCharactersOutsideBase64url() {
    assertThatThrownBy(() -> StatusListCodec.decode(DRAFT_1_BIT + "==", 1, 1024)).hasMessageContaining("base64url");
    assertThatThrownBy(() -> StatusListCodec.decode("eNrbuRgAAhcBX+", 1, 1024)).hasMessageContaining("base64url");
  }

  @Test
  void refusesARawDeflateStreamWithoutItsZlibWrapper() {
    Deflater raw = new Deflater(Deflater.BEST_COMPRESSION, true);
    raw.setInput(new byte[] {(byte) 0xB9, (byte) 0xA3});
    raw.finish();
    byte[] out = new byte[64];
    int n = raw.deflate(out);
    raw.end();
    String lst = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(out, n));
    assertThatThrownBy(() -> StatusListCodec.decode(lst, 1, 1024)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesTruncatedAndTrailingBytes() {
    byte[] zlib = StatusListCodec.compress(new byte[] {1, 2, 3});
    String truncated = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(zlib, zlib.length - 2));
    byte[] longer = java.util.Arrays.copyOf(zlib, zlib.length + 1);
    String trailing = Base64.getUrlEncoder().withoutPadding().encodeToString(longer);
    assertThatThrownBy(() -> StatusListCodec.decode(truncated, 8, 1024)).hasMessageContaining("complete");
    assertThatThrownBy(() -> StatusListCodec.decode(trailing, 8, 1024)).hasMessageContaining("after");
  }

  @Test
  void refusesAListThatInflatesBeyondTheLimit() {
    String bomb = StatusListCodec.encode(new byte[1 << 20], 8);
    assertThat(bomb.length()).isLessThan(2048);
    assertThatThrownBy(() -> StatusListCodec.decode(bomb, 8, 1 << 16)).hasMessageContaining("more than 65536 bytes");
  }

  @Test
  void refusesBitsOtherThanOneTwoFourOrEightAndValuesTooLargeForThem() {
    assertThatThrownBy(() -> StatusListCodec.decode(DRAFT_1_BIT, 3, 1024)).hasMessageContaining("bits");
    assertThatThrownBy(() -> StatusListCodec.encode(new byte[] {0, 2}, 1)).hasMessageContaining("entry 1");
    assertThatThrownBy(() -> StatusListCodec.encode(new byte[] {4}, 2)).hasMessageContaining("entry 0");
  }
}
