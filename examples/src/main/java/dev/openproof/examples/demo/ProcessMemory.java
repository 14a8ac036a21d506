package dev.openproof.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The memory of this process at one moment: its resident set (and its peak) as Linux reports them
 * in {@code /proc/self/status}, absent elsewhere, and the Java heap in use and its maximum.
 *
 * @param residentBytes the resident set size ({@code VmRSS}), or {@code -1} where unknown
 * @param peakResidentBytes the largest resident set size so far ({@code VmHWM}), or {@code -1}
 * @param heapUsedBytes the heap in use
 * @param heapMaxBytes the heap's maximum
 * @since 0.2.0
 */
public record ProcessMemory(long residentBytes, long peakResidentBytes, long heapUsedBytes, long heapMaxBytes) {
  private static final Path STATUS = Path.of("/proc/self/status");
  /** More lines than the file has; a bound on what is read. */
  private static final int MAX_LINES = 200;

  /**
   * The memory now.
   *
   * @return the reading
   */
  public static ProcessMemory now() {
    Runtime runtime = Runtime.getRuntime();
    return new ProcessMemory(status("VmRSS:").orElse(-1), status("VmHWM:").orElse(-1),
        runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory());
  }

  /** A {@code kB} field of {@code /proc/self/status}, in bytes; empty where there is none. */
  static OptionalLong status(String field) {
    if (!Files.isReadable(STATUS)) {
      return OptionalLong.empty();
    }
    try (BufferedReader reader = Files.newBufferedReader(STATUS, StandardCharsets.US_ASCII)) {
      for (int i = 0; i < MAX_LINES; i++) {
        String line = reader.readLine();
        if (line == null) {
          break;
        }
        if (line.startsWith(field)) {
          return parseKilobytes(line.substring(field.length()));
        }
      }
    } catch (IOException | RuntimeException e) {
      // An unreadable or strange file: the figure is unknown, which the summary says.
    }
    return OptionalLong.empty();
  }

  /** {@code "  123456 kB"} in bytes. */
  static OptionalLong parseKilobytes(String value) {
    String[] parts = value.strip().split("\\s+");
    if (parts.length != 2 || !parts[1].equals("kB") || parts[0].length() > 15 || !parts[0].chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
  }

  /**
   * One line for a person: {@code RSS 312 MB (peak 340 MB), heap used 80 MB of 6144 MB}.
   *
   * @return the line
   */
  public String describe() {
    String rss = residentBytes < 0 ? "RSS unknown (no /proc/self/status)"
        : "RSS " + mb(residentBytes) + (peakResidentBytes < 0 ? "" : " (peak " + mb(peakResidentBytes) + ")");
    return rss + ", heap used " + mb(heapUsedBytes) + " of " + mb(heapMaxBytes);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%d MB", bytes >> 20);
  }
}
