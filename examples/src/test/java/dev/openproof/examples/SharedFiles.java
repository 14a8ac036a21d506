package dev.openproof.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's {@code shared/} folder (the wire contract and samples) beside the repository. */
public final class SharedFiles {
  private SharedFiles() {}

  /** The {@code shared} folder: the first {@code shared/schema} found going up from the working directory. */
  public static Path dir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("shared/schema"))) {
        return p.resolve("shared");
      }
    }
    throw new IllegalStateException("no shared/schema folder above " + Path.of("").toAbsolutePath());
  }

  /** A sample order file. */
  public static Path sample(String name) {
    return dir().resolve("samples").resolve(name);
  }
}
