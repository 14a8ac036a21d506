package dev.openproof.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample order documents that the repository ships in core's test-jar
 * ({@code dev/openproof/samples/*.json}): the same orders as {@link SampleOrders}, in their wire form.
 * Every module's tests read them from the class path, so nothing outside the repository is needed.
 */
public final class SampleFiles {
  private static final String FOLDER = "/dev/openproof/samples/";

  private SampleFiles() {}

  /**
   * The text of a sample document.
   *
   * @param name the file name, such as {@code order-ru.json}
   * @return its UTF-8 text
   */
  public static String text(String name) {
    try (InputStream in = SampleFiles.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name + " in " + FOLDER);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A sample document copied to a file, for code that reads files (the command line).
   *
   * @param name the file name, such as {@code order-ru.json}
   * @return a new file, deleted when the JVM exits
   */
  public static Path file(String name) {
    try {
      Path dir = Files.createTempDirectory("openproof-sample");
      Path file = Files.writeString(dir.resolve(name), text(name), StandardCharsets.UTF_8);
      file.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
