package dev.openproof.jwt.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StatusListCodecPropertiesTest {
  /** A width and values that fit it. */
  record Entries(int bits, byte[] values) {
    @Override
    public String toString() {
      return "bits=" + bits + " values=" + Arrays.toString(values);
    }
  }

  @Provide
  Arbitrary<Entries> entries() {
    Arbitrary<Integer> bits = Arbitraries.of(1, 2, 4, 8);
    return bits.flatMap(b -> Combinators.combine(
            Arbitraries.just(b),
            Arbitraries.integers().between(0, (1 << b) - 1).map(Integer::byteValue)
                .array(byte[].class).ofMinSize(0).ofMaxSize(5000))
        .as(Entries::new));
  }

  @Property(tries = 300)
  void decodingAnEncodedListGivesItsValuesPaddedWithValidEntries(@ForAll("entries") Entries entries) {
    int perByte = 8 / entries.bits();
    byte[] decoded = StatusListCodec.decode(StatusListCodec.encode(entries.values(), entries.bits()), entries.bits(), 1 << 20);
    int padded = (entries.values().length + perByte - 1) / perByte * perByte;
    assertThat(decoded).hasSize(padded);
    assertThat(Arrays.copyOf(decoded, entries.values().length)).containsExactly(entries.values());
    for (int i = entries.values().length; i < padded; i++) {
      assertThat(decoded[i]).isZero();
    }
  }

  @Property(tries = 300)
  void unpackingPackedBytesGivesThemBack(@ForAll byte[] packed, @ForAll("widths") int bits) {
    assertThat(StatusListCodec.pack(StatusListCodec.unpack(packed, bits), bits)).containsExactly(packed);
  }

  @Provide
  Arbitrary<Integer> widths() {
    return Arbitraries.of(1, 2, 4, 8);
  }

  @Property(tries = 200)
  void anyByteArrayGivenAsLstIsDecodedOrRefusedWithIllegalArgument(@ForAll byte[] junk, @ForAll("widths") int bits) {
    String lst = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(junk);
    try {
      byte[] values = StatusListCodec.decode(lst, bits, 1 << 16);
      assertThat(values.length % (8 / bits)).isZero();
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).contains("lst");
    }
  }
}
