package dev.openproof.core.validation;

import dev.openproof.core.model.Order;
import dev.openproof.core.model.Customer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks orders against the input rules of the wire contract ({@code order.schema.json}) and reports
 * every violation at once, with paths in the contract's snake-case names.
 *
 * <p>Instances are immutable and thread-safe; build one and share it. The messages are English and
 * need no expression-language implementation. Hibernate Validator's start-up announcement ({@code
 * HV000001} at INFO, on the {@code java.util.logging} logger {@code
 * org.hibernate.validator.internal.util.Version}) is kept quiet unless the host set that logger's level.
 *
 * @since 0.1.0
 */
public final class OrderValidator {
  private static final Comparator<Violation> ORDER =
      Comparator.comparing(Violation::path).thenComparing(Violation::message);

  /** Held, so that the level set on it stays: its announcement is no news to the host. */
  private static final Logger VERSION_ANNOUNCEMENT = Logger.getLogger("org.hibernate.validator.internal.util.Version");

  static {
    if (VERSION_ANNOUNCEMENT.getLevel() == null) {
      VERSION_ANNOUNCEMENT.setLevel(Level.WARNING);
    }
  }

  private final Validator validator;

  private OrderValidator(Validator validator) {
    this.validator = validator;
  }

  /**
   * Creates a validator backed by Hibernate Validator.
   *
   * @return a new validator
   */
  public static OrderValidator create() {
    try (ValidatorFactory factory =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()) {
      return new OrderValidator(factory.getValidator());
    }
  }

  /**
   * Lists every violation of the order's input rules.
   *
   * @param order the order
   * @return the violations, sorted by path; empty if the order is valid
   */
  public List<Violation> violations(Order order) {
    Objects.requireNonNull(order, "order");
    Set<ConstraintViolation<Order>> found = validator.validate(order);
    return found.stream()
        .map(v -> new Violation(wirePath(v.getPropertyPath()), v.getMessage()))
        .distinct()
        .sorted(ORDER)
        .toList();
  }

  /**
   * Lists every violation of a customer's input rules, such as the new owner of a transfer.
   *
   * @param customer the customer
   * @return the violations, sorted by path, each path starting with {@code customer}; empty if valid
   * @since 0.2.0
   */
  public List<Violation> violations(Customer customer) {
    Objects.requireNonNull(customer, "customer");
    return validator.validate(customer).stream()
        .map(v -> new Violation(prefixed(wirePath(v.getPropertyPath())), v.getMessage()))
        .distinct()
        .sorted(ORDER)
        .toList();
  }

  private static String prefixed(String path) {
    return path.isEmpty() ? "customer" : "customer." + path;
  }

  /**
   * Throws when the order breaks any input rule.
   *
   * @param order the order
   * @throws InvalidOrderException listing every violation
   */
  public void check(Order order) {
    List<Violation> violations = violations(order);
    if (!violations.isEmpty()) {
      throw new InvalidOrderException("order " + order.orderId(), violations);
    }
  }

  /** Writes a property path with the wire contract's names: {@code lines[0].unit_price}. */
  static String wirePath(Path path) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable() && node.getIndex() != null) {
        // The index of a list element sits on the node after the list: write it after the list.
        out.append('[').append(node.getIndex()).append(']');
      }
      String name = node.getName();
      if (name != null && !name.startsWith("<") && !name.equals("value")) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(snakeCase(name));
      }
    }
    return out.toString();
  }

  static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (char c : javaName.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
