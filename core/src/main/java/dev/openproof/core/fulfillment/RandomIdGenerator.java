package dev.openproof.core.fulfillment;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.ProofId;
import dev.openproof.core.port.IdGenerator;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An {@link IdGenerator} drawing from a random source: 128-bit proof and delivery ids, ten-digit
 * license numbers (nine random digits and a Luhn check digit) and twelve-character authorization
 * numbers. Thread-safe.
 *
 * @since 0.1.0
 */
public final class RandomIdGenerator implements IdGenerator {
  private static final char[] ALPHANUMERIC = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private final RandomGenerator random;

  private RandomIdGenerator(RandomGenerator random) {
    this.random = random;
  }

  /**
   * A generator drawing from a new {@link SecureRandom}.
   *
   * @return the generator
   */
  public static RandomIdGenerator secure() {
    return new RandomIdGenerator(new SecureRandom());
  }

  /**
   * A generator drawing from the given source, for example a seeded one in tests.
   *
   * @param random the source; used under this generator's lock
   * @return the generator
   */
  public static RandomIdGenerator using(RandomGenerator random) {
    return new RandomIdGenerator(Objects.requireNonNull(random, "random"));
  }

  @Override
  public ProofId newProofId() {
    return ProofId.of(hex(16));
  }

  @Override
  public LicenseNumber newLicenseNumber() {
    StringBuilder digits = new StringBuilder(9);
    synchronized (random) {
      digits.append(1 + random.nextInt(9));
      for (int i = 1; i < 9; i++) {
        digits.append(random.nextInt(10));
      }
    }
    return LicenseNumber.withCheckDigit(digits.toString());
  }

  @Override
  public AuthorizationNumber newAuthorizationNumber() {
    StringBuilder out = new StringBuilder("A");
    synchronized (random) {
      for (int i = 0; i < 11; i++) {
        out.append(ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)]);
      }
    }
    return AuthorizationNumber.of(out.toString());
  }

  @Override
  public DeliveryId newDeliveryId() {
    return DeliveryId.of(hex(16));
  }

  @Override
  public String newInstanceId() {
    return "instance-" + hex(8);
  }

  private String hex(int bytes) {
    byte[] buffer = new byte[bytes];
    synchronized (random) {
      random.nextBytes(buffer);
    }
    return HexFormat.of().formatHex(buffer);
  }
}
