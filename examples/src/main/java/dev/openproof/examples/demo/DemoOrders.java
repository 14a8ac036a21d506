package dev.openproof.examples.demo;

import dev.openproof.core.model.Customer;
import dev.openproof.core.model.Distributor;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.Order;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.OrderLine;
import dev.openproof.core.model.Program;
import dev.openproof.core.model.Reseller;
import dev.openproof.orderjson.OrderJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The demo's orders: the bundled samples (customers in several countries and languages, one placed
 * before the cut-over), then any number of generated ones, made one at a time as they are consumed.
 */
final class DemoOrders {
  private static final String[] BUNDLED = {
      "01-order-ru.json", "02-order-en-before-cutover.json", "03-order-de-subscription.json",
      "04-order-fr.json", "05-order-es.json", "06-order-en.json"};
  private static final String[][] CUSTOMERS = {
      {"RU", "ru", "RUB"}, {"DE", "de", "EUR"}, {"FR", "fr", "EUR"}, {"ES", "es", "EUR"}, {"GB", "en", "GBP"}};

  private DemoOrders() {}

  static List<Order> bundled() {
    OrderJson reader = OrderJson.create();
    List<Order> orders = new ArrayList<>();
    for (String name : BUNDLED) {
      try (InputStream in = DemoOrders.class.getResourceAsStream("/dev/openproof/examples/demo-orders/" + name)) {
        if (in == null) {
          throw new IllegalStateException("bundled order " + name + " is missing from the jar");
        }
        orders.add(reader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled order " + name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return orders;
  }

  /** The bundled orders, then {@code count} generated ones, made lazily as they are read. */
  static Iterator<Order> all(List<Order> bundled, int count) {
    Iterator<Order> first = bundled.iterator();
    Iterator<Order> then = generated(count);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return first.hasNext() || then.hasNext();
      }

      @Override
      public Order next() {
        return first.hasNext() ? first.next() : then.next();
      }
    };
  }

  /** {@code count} generated digital orders, made lazily; the same numbers give the same orders. */
  static Iterator<Order> generated(int count) {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public Order next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return generate(++next);
      }
    };
  }

  static Order generate(int n) {
    String[] kind = CUSTOMERS[n % CUSTOMERS.length];
    String country = kind[0];
    return new Order(
        OrderId.of(String.format(Locale.ROOT, "GEN-%07d", n)),
        Program.OPEN_LICENSE,
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * n),
        Currency.getInstance(kind[2]),
        null,
        new Distributor("D-" + country, "Demo Distribution " + country, country, "billing@distribution-" + country.toLowerCase(Locale.ROOT) + ".example.test"),
        new Reseller("R-" + (n % 97), "Demo Reseller " + (n % 97), country, "orders@reseller" + (n % 97) + ".example.test"),
        new Customer(String.format(Locale.ROOT, "C-%07d", n), "Demo Customer " + n, country,
            String.format(Locale.ROOT, "it@customer%07d.example.test", n), Locale.forLanguageTag(kind[1])),
        List.of(new OrderLine("021-10609", "Office Standard 2021", 1 + n % 50, LicenseType.LICENSE, new BigDecimal("395.00")),
            new OrderLine("9EM-00652", "Windows Server Standard 2022", 1, LicenseType.LICENSE_AND_SOFTWARE_ASSURANCE,
                new BigDecimal("1069.00"))));
  }
}
