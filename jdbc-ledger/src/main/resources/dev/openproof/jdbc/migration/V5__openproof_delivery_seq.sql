-- OpenProof ledger, version 5: one index fewer on the outbox. Portable between PostgreSQL and H2 2.x;
-- it may run again without harm, and the data of the earlier versions is kept.

-- seq is an identity column that no insert of the ledger names, so its values come from its sequence
-- and are unique without a constraint; it only orders deliveries oldest first, which the indexes
-- openproof_delivery_by_proof (proof_id, seq) and openproof_delivery_by_status (status, seq) serve.
-- Its unique key was one more index entry for every delivery recorded and every delivery marked
-- delivered (that update changes an indexed column, status, so every index of the row gets a new entry).
ALTER TABLE openproof_delivery DROP CONSTRAINT IF EXISTS openproof_delivery_seq_key;
