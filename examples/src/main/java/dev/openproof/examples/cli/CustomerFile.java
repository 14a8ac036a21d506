package dev.openproof.examples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openproof.core.model.Customer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A customer as JSON, in the form of an order's {@code customer} member:
 * {@code {"id", "name", "country", "email", "language"}}; at most 64 KiB.
 */
final class CustomerFile {
  static final int MAX_BYTES = 64 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private CustomerFile() {}

  /**
   * Reads the customer.
   *
   * @throws IllegalArgumentException naming every missing or mistyped member at once
   */
  static Customer read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(file + " is larger than " + MAX_BYTES + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file + " is not a JSON object");
    }
    List<String> problems = new ArrayList<>();
    for (String name : new String[] {"id", "name", "country", "email", "language"}) {
      if (!root.path(name).isTextual()) {
        problems.add(name + ": must be a string");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(file + " is not a customer (" + String.join("; ", problems) + ")");
    }
    return new Customer(root.get("id").textValue(), root.get("name").textValue(), root.get("country").textValue(),
        root.get("email").textValue(), Locale.forLanguageTag(root.get("language").textValue()));
  }
}
