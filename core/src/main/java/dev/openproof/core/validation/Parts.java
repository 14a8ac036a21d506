package dev.openproof.core.validation;

import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Party;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the builders share: a missing part is reported and stands in as a valid placeholder. */
final class Parts {
  /** The message of a required part that was not given, as validation words it. */
  static final String MISSING = "must be present";

  private Parts() {}

  static <T> T orPlaceholder(@Nullable T value, String path, T placeholder, List<Violation> missing) {
    if (value != null) {
      return value;
    }
    missing.add(new Violation(path, MISSING));
    return placeholder;
  }

  static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** Whether {@code path} is {@code part} or lies inside it. */
  static boolean within(String path, String part) {
    return path.equals(part) || path.startsWith(part + ".") || path.startsWith(part + "[");
  }

  static <P extends Party> P missingParty(String path, PartyBuilder<P> placeholder, List<Violation> missing) {
    missing.add(new Violation(path, MISSING));
    return placeholder.assemble(path, new ArrayList<>());
  }

  static Customer missingCustomer(List<Violation> missing) {
    missing.add(new Violation("customer", MISSING));
    return CustomerBuilder.create().assemble("customer", new ArrayList<>());
  }

  static @Nullable String blankAsMissing(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
