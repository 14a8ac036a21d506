package dev.openproof.core.fulfillment;

/**
 * What one run of {@link LicenseAfterSale#remindExpiring(java.time.Instant)} did.
 *
 * @param sent reminders mailed to customers now
 * @param copies copies mailed to resellers now
 * @param failed reminders that could not be sent; a later run tries them again
 * @since 0.2.0
 */
public record ReminderReport(int sent, int copies, int failed) {}
