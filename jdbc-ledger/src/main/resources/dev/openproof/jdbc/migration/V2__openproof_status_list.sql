-- OpenProof ledger, version 2: Token Status Lists (draft-ietf-oauth-status-list).
-- Each list the issuer started, and each proof's place in one. An index is never reused:
-- (list_uri, idx) is unique, and a place is never deleted. Status 0 valid, 1 invalid (final),
-- 2 suspended. Every statement may run again without harm.

CREATE TABLE IF NOT EXISTS openproof_status_list (
  seq        INTEGER        NOT NULL,
  list_uri   VARCHAR(2000)  NOT NULL,
  capacity   INTEGER        NOT NULL,
  allocated  INTEGER        NOT NULL,
  CONSTRAINT openproof_status_list_pk PRIMARY KEY (seq),
  CONSTRAINT openproof_status_list_uri_uq UNIQUE (list_uri)
);

CREATE TABLE IF NOT EXISTS openproof_status_entry (
  list_uri   VARCHAR(2000)  NOT NULL,
  idx        INTEGER        NOT NULL,
  proof_id   VARCHAR(64)    NOT NULL,
  status     SMALLINT       NOT NULL,
  CONSTRAINT openproof_status_entry_pk PRIMARY KEY (list_uri, idx),
  CONSTRAINT openproof_status_entry_proof_uq UNIQUE (proof_id)
);
