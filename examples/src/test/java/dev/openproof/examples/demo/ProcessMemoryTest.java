package dev.openproof.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The memory line of the demo's summary. */
class ProcessMemoryTest {
  @Test
  void aKilobyteFieldOfProcStatusIsReadInBytes() {
    assertThat(ProcessMemory.parseKilobytes("\t  123456 kB")).isEqualTo(OptionalLong.of(123_456L * 1024));
    assertThat(ProcessMemory.parseKilobytes("12 MB")).isEmpty();
    assertThat(ProcessMemory.parseKilobytes("-5 kB")).isEmpty();
    assertThat(ProcessMemory.parseKilobytes("1234567890123456 kB")).isEmpty();
    assertThat(ProcessMemory.parseKilobytes("")).isEmpty();
  }

  @Test
  void theLineNamesTheResidentSetAndTheHeap() {
    assertThat(new ProcessMemory(300L << 20, 320L << 20, 80L << 20, 6144L << 20).describe())
        .isEqualTo("RSS 300 MB (peak 320 MB), heap used 80 MB of 6144 MB");
    assertThat(new ProcessMemory(-1, -1, 80L << 20, 6144L << 20).describe())
        .isEqualTo("RSS unknown (no /proc/self/status), heap used 80 MB of 6144 MB");
  }

  @Test
  void onLinuxTheResidentSetIsRead() {
    ProcessMemory now = ProcessMemory.now();
    assertThat(now.heapUsedBytes()).isPositive();
    assertThat(now.heapMaxBytes()).isGreaterThanOrEqualTo(now.heapUsedBytes());
    if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/status"))) {
      assertThat(now.residentBytes()).isPositive();
      assertThat(now.peakResidentBytes()).isGreaterThanOrEqualTo(now.residentBytes());
    } else {
      assertThat(now.residentBytes()).isEqualTo(-1);
      assertThat(now.describe()).startsWith("RSS unknown");
    }
  }
}
