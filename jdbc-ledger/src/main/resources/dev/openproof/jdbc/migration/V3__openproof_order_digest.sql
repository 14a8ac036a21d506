-- OpenProof ledger, schema version 3: the reserved proof id and the digest of each order's canonical content, so that the same
-- order id with other content is refused (ORDER_CONFLICT) instead of answered with the first order's
-- result. Orders recorded before this version have none, and take the digest of their next call.
-- Portable between PostgreSQL (10 and later) and H2 (2.x); it may run again.

ALTER TABLE openproof_order ADD COLUMN IF NOT EXISTS order_digest VARCHAR(1000);

-- The id reserved for the order's proof after its claim: a retry after a failed attempt (a signer
-- down, a crash) signs under the same id, so the proof takes one status list index, not one per try.
ALTER TABLE openproof_order ADD COLUMN IF NOT EXISTS planned_proof_id VARCHAR(255);
