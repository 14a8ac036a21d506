package dev.openproof.core.memory;

import dev.openproof.core.exchange.ReturnRecord;
import dev.openproof.core.model.CreditNote;
import dev.openproof.core.model.OrderId;
import dev.openproof.core.model.ProofId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an {@link InMemoryProofLedger} keeps after the sale besides proofs: returns, credit notes and
 * the reminders sent. Not thread-safe: the ledger calls it while holding its own lock, and checks
 * first that the order or proof named is known.
 */
final class InMemoryReturns {
  private final Map<OrderId, ReturnRecord> returns = new HashMap<>();
  private final Map<String, CreditNote> creditNotes = new LinkedHashMap<>();
  private final Set<String> reminders = new HashSet<>();

  ReturnRecord record(ReturnRecord returned) {
    return returns.computeIfAbsent(returned.orderId(), id -> returned);
  }

  Optional<ReturnRecord> find(OrderId orderId) {
    return Optional.ofNullable(returns.get(orderId));
  }

  void complete(OrderId orderId) {
    ReturnRecord r = returns.get(orderId);
    if (r == null) {
      throw new IllegalStateException("order " + orderId + " was never returned");
    }
    returns.put(orderId, new ReturnRecord(r.orderId(), r.proofId(), r.skus(), r.reason(), r.returnedAt(), true));
  }

  CreditNote record(CreditNote creditNote) {
    return creditNotes.computeIfAbsent(creditNote.id().value(), id -> creditNote);
  }

  List<CreditNote> creditNotes(OrderId orderId) {
    return creditNotes.values().stream().filter(c -> c.orderId().equals(orderId)).toList();
  }

  boolean remember(ProofId proofId, String reminder) {
    return reminders.add(key(proofId, reminder));
  }

  void forget(ProofId proofId, String reminder) {
    reminders.remove(key(proofId, reminder));
  }

  private static String key(ProofId proofId, String reminder) {
    return proofId.value() + "\n" + reminder;
  }
}
