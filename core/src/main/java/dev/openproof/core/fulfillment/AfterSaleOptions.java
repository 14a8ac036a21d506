package dev.openproof.core.fulfillment;

import dev.openproof.core.memory.RecordingCustomerNotices;
import dev.openproof.core.port.CustomerNotices;
import dev.openproof.core.port.ResellerContacts;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a workflow treats a license after the sale: where notices to customers go, how long an order
 * may be returned, when renewal reminders are sent and whether resellers get a copy. Immutable: each
 * {@code with…} method returns a changed copy. Hand it to {@link
 * LicenseFulfillmentBuilder#afterSale(AfterSaleOptions)}:
 *
 * <pre>{@code
 * LicenseFulfillment.builder()
 *     ...
 *     .afterSale(AfterSaleOptions.defaults().withNotices(mailNotices).withReturnWindow(Duration.ofDays(30)))
 *     .build();
 * }</pre>
 *
 * @since 0.2.0
 */
public final class AfterSaleOptions {
  private static final AfterSaleOptions DEFAULTS =
      new AfterSaleOptions(RecordingCustomerNotices.create(), Duration.ofDays(60), List.of(30, 7), null);

  private final CustomerNotices notices;
  private final Duration returnWindow;
  private final List<Integer> reminderDays;
  private final @Nullable ResellerContacts resellerContacts;

  private AfterSaleOptions(CustomerNotices notices, Duration returnWindow, List<Integer> reminderDays,
      @Nullable ResellerContacts resellerContacts) {
    this.notices = notices;
    this.returnWindow = returnWindow;
    this.reminderDays = reminderDays;
    this.resellerContacts = resellerContacts;
  }

  /**
   * The defaults: notices to a {@link RecordingCustomerNotices} that sends nothing, a return window of
   * 60 days, reminders 30 and 7 days before a term ends, no copies to resellers.
   *
   * @return the default options
   */
  public static AfterSaleOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Where notices to customers after the sale go: a return's notice, renewal reminders.
   *
   * @param newNotices the notices
   * @return a copy with these notices
   */
  public AfterSaleOptions withNotices(CustomerNotices newNotices) {
    return new AfterSaleOptions(Objects.requireNonNull(newNotices, "notices"), returnWindow, reminderDays, resellerContacts);
  }

  /**
   * How long after fulfillment an order may be returned.
   *
   * @param window the window, positive
   * @return a copy with this window
   * @throws IllegalArgumentException if the window is zero or negative
   */
  public AfterSaleOptions withReturnWindow(Duration window) {
    Objects.requireNonNull(window, "returnWindow");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("returnWindow must be positive: " + window);
    }
    return new AfterSaleOptions(notices, window, reminderDays, resellerContacts);
  }

  /**
   * How many days before a subscription term or Software Assurance ends its reminders are sent.
   *
   * @param days one or more distinct numbers of days, each 1 to 366
   * @return a copy with these days
   * @throws IllegalArgumentException if there are none, some repeat, or one is out of range
   */
  public AfterSaleOptions withReminderDays(int... days) {
    Objects.requireNonNull(days, "days");
    List<Integer> list = Arrays.stream(days).boxed().distinct().sorted(Comparator.reverseOrder()).toList();
    if (list.isEmpty() || list.size() != days.length || list.get(list.size() - 1) < 1 || list.get(0) > 366) {
      throw new IllegalArgumentException("reminderDays must be one or more distinct numbers from 1 to 366: "
          + Arrays.toString(days));
    }
    return new AfterSaleOptions(notices, returnWindow, list, resellerContacts);
  }

  /**
   * Copies each renewal reminder to the order's reseller, at the contact these give.
   *
   * @param contacts the resellers' contacts
   * @return a copy that copies reminders to resellers
   */
  public AfterSaleOptions withResellerCopies(ResellerContacts contacts) {
    return new AfterSaleOptions(notices, returnWindow, reminderDays, Objects.requireNonNull(contacts, "contacts"));
  }

  /**
   * Where notices go.
   *
   * @return the notices
   */
  public CustomerNotices notices() {
    return notices;
  }

  /**
   * How long an order may be returned.
   *
   * @return the return window
   */
  public Duration returnWindow() {
    return returnWindow;
  }

  /**
   * When reminders are sent.
   *
   * @return the days before a term ends, the farthest first
   */
  public List<Integer> reminderDays() {
    return reminderDays;
  }

  /**
   * Where copies of reminders to resellers go.
   *
   * @return the contacts, or empty when resellers get no copies
   */
  public Optional<ResellerContacts> resellerCopies() {
    return Optional.ofNullable(resellerContacts);
  }

  @Override
  public String toString() {
    return "AfterSaleOptions[returnWindow=" + returnWindow + ", reminderDays=" + reminderDays
        + ", resellerCopies=" + (resellerContacts != null) + "]";
  }
}
