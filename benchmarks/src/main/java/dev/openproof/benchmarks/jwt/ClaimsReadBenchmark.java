package dev.openproof.benchmarks.jwt;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The verifier's claims read alone: the signer's claims set of the benchmark token, decoded from its
 * payload once, read and checked into a {@code LicenseProof} by the verifier's streaming reader
 * ({@code dev.openproof.jwt.ClaimsStream#read}, package-private, reached by reflection once: the
 * benchmarks run from the class path, one unnamed module, so no module wall stands in the way; the
 * handle is a constant, so the JIT calls it directly). No split, no base64url, no signature, no
 * header: the part of {@link TokenOverheadBenchmark#verify()} that reads the claims. {@code java
 * -jar benchmarks/target/benchmarks.jar ClaimsReadBenchmark -f 1 -wi 5 -w 1s -i 5 -r 1s -prof gc}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClaimsReadBenchmark {
  private static final MethodHandle READ = claimsRead();

  private byte[] claims = new byte[0];

  /** Decodes the benchmark token's claims set; fails unless the reader reads it to its proof. */
  @Setup(Level.Trial)
  public void setUp() throws Throwable {
    TokenFixture fixture = TokenFixture.of("RS256");
    claims = Base64.getUrlDecoder().decode(fixture.token.split("\\.")[1]);
    if (!fixture.proof.equals(read())) {
      throw new IllegalStateException("the streaming reader does not read the token's claims to its proof");
    }
  }

  /**
   * Reads the claims set to its proof.
   *
   * @return the proof
   * @throws Throwable never: the reader answers {@code null} rather than throw
   */
  @Benchmark
  public Object read() throws Throwable {
    return (Object) READ.invokeExact(claims, TokenFixture.ISSUER);
  }

  private static MethodHandle claimsRead() {
    try {
      Method read = Class.forName("dev.openproof.jwt.ClaimsStream").getDeclaredMethod("read", byte[].class, String.class);
      read.setAccessible(true);
      return MethodHandles.lookup().unreflect(read).asType(MethodType.methodType(Object.class, byte[].class, String.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the claims reader is not where this benchmark looks for it", e);
    }
  }
}
