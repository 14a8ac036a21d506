package dev.openproof.core.memory;

import dev.openproof.core.exchange.DeliveryFailure;
import dev.openproof.core.exchange.DeliveryRecord;
import dev.openproof.core.exchange.DeliveryRequest;
import dev.openproof.core.exchange.DeliveryStatus;
import dev.openproof.core.model.DeliveryId;
import dev.openproof.core.model.DeliveryReceipt;
import dev.openproof.core.model.ProofId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The deliveries of an {@link InMemoryProofLedger}, in the order they were added, with their claims.
 * Not thread-safe: the ledger calls it while holding its own lock.
 */
final class InMemoryDeliveries {
  private final Map<DeliveryId, Entry> deliveries = new LinkedHashMap<>();
  private final Map<ProofId, List<DeliveryId>> byProof = new HashMap<>();

  List<DeliveryRecord> of(ProofId proofId) {
    return byProof.getOrDefault(proofId, List.of()).stream()
        .map(id -> Objects.requireNonNull(deliveries.get(id), "a proof's delivery is recorded with it").record)
        .toList();
  }

  Optional<DeliveryRecord> first(ProofId proofId) {
    List<DeliveryId> ids = byProof.get(proofId);
    return ids == null ? Optional.empty() : Optional.of(entry(ids.get(0)).record);
  }

  Optional<DeliveryRecord> find(DeliveryId deliveryId) {
    return Optional.ofNullable(deliveries.get(deliveryId)).map(e -> e.record);
  }

  /** Adds a pending delivery, or returns the one recorded with its id. */
  DeliveryRecord add(DeliveryRequest request, Instant now) {
    Entry existing = deliveries.get(request.deliveryId());
    if (existing != null) {
      return existing.record;
    }
    Entry entry = new Entry(DeliveryRecord.pending(request, now));
    deliveries.put(request.deliveryId(), entry);
    byProof.computeIfAbsent(request.proof().proofId(), id -> new ArrayList<>()).add(request.deliveryId());
    return entry.record;
  }

  boolean claim(DeliveryId deliveryId, String owner, Instant now, Duration lease) {
    Entry entry = deliveries.get(deliveryId);
    if (entry == null || !entry.claimable(now)) {
      return false;
    }
    entry.lease(owner, now.plus(lease));
    return true;
  }

  List<DeliveryRequest> claimPending(String owner, Instant now, Duration lease, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1: " + max);
    }
    List<DeliveryRequest> claimed = new ArrayList<>();
    for (Entry entry : deliveries.values()) {
      if (claimed.size() == max) {
        break;
      }
      if (entry.claimable(now)) {
        entry.lease(owner, now.plus(lease));
        claimed.add(entry.record.request());
      }
    }
    return claimed;
  }

  DeliveryRecord delivered(DeliveryReceipt receipt) {
    Entry entry = entry(receipt.deliveryId());
    if (entry.record.status() != DeliveryStatus.DELIVERED) {
      DeliveryRecord old = entry.record;
      entry.record = new DeliveryRecord(old.request(), DeliveryStatus.DELIVERED, old.attempts() + 1, null, receipt, old.lastFailure());
    }
    entry.release();
    return entry.record;
  }

  DeliveryRecord failed(DeliveryId deliveryId, DeliveryFailure failure, @Nullable Instant retryAt) {
    Entry entry = entry(deliveryId);
    DeliveryRecord old = entry.record;
    if (old.status() == DeliveryStatus.PENDING) {
      DeliveryStatus status = retryAt == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING;
      entry.record = new DeliveryRecord(old.request(), status, old.attempts() + 1, retryAt, null, failure);
    }
    entry.release();
    return entry.record;
  }

  private Entry entry(DeliveryId deliveryId) {
    Entry entry = deliveries.get(deliveryId);
    if (entry == null) {
      throw new IllegalStateException("unknown delivery " + deliveryId);
    }
    return entry;
  }

  private static final class Entry {
    DeliveryRecord record;
    @Nullable String owner;
    @Nullable Instant leaseUntil;

    Entry(DeliveryRecord record) {
      this.record = record;
    }

    boolean claimable(Instant now) {
      Instant due = record.nextAttemptAt();
      return record.status() == DeliveryStatus.PENDING
          && (due == null || !due.isAfter(now))
          && (leaseUntil == null || !leaseUntil.isAfter(now));
    }

    void lease(String newOwner, Instant until) {
      owner = newOwner;
      leaseUntil = until;
    }

    void release() {
      owner = null;
      leaseUntil = null;
    }
  }
}
