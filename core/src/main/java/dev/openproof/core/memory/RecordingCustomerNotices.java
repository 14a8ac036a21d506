package dev.openproof.core.memory;

import dev.openproof.core.exchange.CustomerNotice;
import dev.openproof.core.port.CustomerNotices;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link CustomerNotices} that sends nothing and keeps every notice in memory, for tests and for
 * hosts that send no notices. Thread-safe.
 *
 * @since 0.2.0
 */
public final class RecordingCustomerNotices implements CustomerNotices {
  private final List<CustomerNotice> sent = new ArrayList<>();

  private RecordingCustomerNotices() {}

  /**
   * A new, empty recorder.
   *
   * @return the recorder
   */
  public static RecordingCustomerNotices create() {
    return new RecordingCustomerNotices();
  }

  @Override
  public synchronized String send(CustomerNotice notice) {
    Objects.requireNonNull(notice, "notice");
    sent.add(notice);
    return "<" + notice.noticeId() + "@recorded.invalid>";
  }

  /**
   * Every notice sent so far, in order.
   *
   * @return the notices
   */
  public synchronized List<CustomerNotice> sent() {
    return List.copyOf(sent);
  }
}
