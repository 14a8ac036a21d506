package dev.openproof.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The library is quiet at INFO: a host's first validation, in a fresh JVM with the JDK's default
 * logging, prints nothing to stderr and logs nothing at INFO (Hibernate Validator's {@code HV000001}
 * announcement included). A fresh JVM, because the announcement comes once per class loader.
 */
class QuietFirstValidationTest {

  @Test
  void aHostsFirstValidationPrintsNothingAndLogsNothingAtInfo() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        FirstValidation.class.getName())).start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
    String stdout = out.get();
    assertThat(process.exitValue()).as(stdout + err.get()).isZero();
    assertThat(err.get()).as("stderr").isEmpty();
    assertThat(stdout).contains("violations: 0, built: ACME-1").endsWith("records: 0" + System.lineSeparator());
  }

  private static String read(InputStream in) {
    try (in) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
