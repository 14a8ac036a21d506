package dev.openproof.core.fulfillment;

import dev.openproof.core.model.AuthorizationNumber;
import dev.openproof.core.model.Entitlement;
import dev.openproof.core.model.LicenseNumber;
import dev.openproof.core.model.LicenseSummary;
import dev.openproof.core.model.LicenseType;
import dev.openproof.core.model.SummaryLine;
import dev.openproof.core.port.ProofLedger;
import dev.openproof.core.exchange.ProofRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Draws up license summaries from the ledger. A proof replaced by one of the same customer (a
 * partial return) counts through its replacement; of its own lines only those returned are listed, as
 * returned. Thread-safe.
 */
final class LicenseSummaries {
  private final ProofLedger ledger;

  LicenseSummaries(ProofLedger ledger) {
    this.ledger = ledger;
  }

  LicenseSummary ofCustomer(String customerId, boolean includeEnded, Instant now) {
    return new LicenseSummary(customerId, null, now, includeEnded, lines(ledger.findProofsOfCustomer(customerId), includeEnded, now));
  }

  LicenseSummary ofAuthorization(AuthorizationNumber authorization, boolean includeEnded, Instant now) {
    return new LicenseSummary(null, authorization, now, includeEnded, lines(ledger.findProofs(authorization), includeEnded, now));
  }

  private List<SummaryLine> lines(List<ProofRecord> proofs, boolean includeEnded, Instant now) {
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    Map<Key, List<LicenseNumber>> proofsOf = new LinkedHashMap<>();
    Map<Key, Integer> quantities = new LinkedHashMap<>();
    for (ProofRecord proof : proofs) {
      Optional<ProofRecord> next = ledger.findReplacement(proof.proof().proofId());
      Set<String> carriedOn = next.filter(r -> r.proof().customer().id().equals(proof.proof().customer().id()))
          .map(r -> r.proof().entitlements().stream().map(Entitlement::sku).collect(Collectors.toSet()))
          .orElse(Set.of());
      for (Entitlement e : proof.proof().entitlements()) {
        if (carriedOn.contains(e.sku())) {
          continue;
        }
        SummaryLine.State state = state(proof, next.orElse(null), e, today);
        if (state != SummaryLine.State.IN_FORCE && !includeEnded) {
          continue;
        }
        Key key = new Key(e.sku(), e.product(), e.type(), termEnd(e), saEnd(e), state);
        proofsOf.computeIfAbsent(key, k -> new ArrayList<>()).add(proof.proof().licenseNumber());
        quantities.merge(key, e.quantity(), Integer::sum);
      }
    }
    List<SummaryLine> lines = new ArrayList<>();
    proofsOf.forEach((k, numbers) -> lines.add(new SummaryLine(k.sku(), k.product(), quantities.getOrDefault(k, 0), k.type(),
        k.termEnds(), k.saEnds(), k.state(), numbers.stream().distinct().toList())));
    return lines;
  }

  private static SummaryLine.State state(ProofRecord proof, @Nullable ProofRecord next, Entitlement e, LocalDate today) {
    if (proof.revoked().isPresent()) {
      String reason = proof.revoked().get().reason();
      if (reason.equals(Transfers.REASON)
          || next != null && !next.proof().customer().id().equals(proof.proof().customer().id())) {
        return SummaryLine.State.TRANSFERRED;
      }
      return reason.startsWith("returned") ? SummaryLine.State.RETURNED : SummaryLine.State.REVOKED;
    }
    return e.ends() != null && e.ends().isBefore(today) ? SummaryLine.State.ENDED : SummaryLine.State.IN_FORCE;
  }

  private static @Nullable LocalDate termEnd(Entitlement e) {
    return e.type() == LicenseType.SUBSCRIPTION || e.type() == LicenseType.LICENSE ? e.ends() : null;
  }

  private static @Nullable LocalDate saEnd(Entitlement e) {
    return e.type() == LicenseType.SOFTWARE_ASSURANCE || e.type() == LicenseType.LICENSE_AND_SOFTWARE_ASSURANCE ? e.ends() : null;
  }

  private record Key(String sku, String product, LicenseType type, @Nullable LocalDate termEnds, @Nullable LocalDate saEnds,
      SummaryLine.State state) {}
}
