package dev.openproof.core.validation;

import dev.openproof.core.model.Order;
import dev.openproof.core.testing.SampleOrders;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A host's first call, in a JVM of its own: validate an order, and build one, with the JDK's default
 * logging (a console handler on stderr at INFO) and a handler that records every record at INFO or
 * above. Prints what it recorded to stdout, one line each, and then {@code records: N}.
 */
public final class FirstValidation {
  private FirstValidation() {}

  /**
   * Runs the first calls.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    List<String> records = new ArrayList<>();
    Handler recorder = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.INFO.intValue()) {
          records.add(record.getLoggerName() + " " + record.getLevel() + " " + record.getMessage());
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    root.addHandler(recorder);
    Order sample = SampleOrders.russian();
    int violations = OrderValidator.create().violations(sample).size();
    Order built = OrderBuilder.create().id("ACME-1").program(sample.program()).placedAt(sample.placedAt())
        .currency(sample.currency()).distributor(sample.distributor()).reseller(sample.reseller())
        .customer(sample.customer()).lines(sample.lines()).build();
    records.forEach(System.out::println);
    System.out.println("violations: " + violations + ", built: " + built.orderId());
    System.out.println("records: " + records.size());
  }
}
