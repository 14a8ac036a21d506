-- OpenProof ledger, schema version 1. Portable between PostgreSQL (10 and later) and H2 (2.x).
-- Applied by JdbcProofLedger.migrate(), or by the host's Flyway (location
-- classpath:dev/openproof/jdbc/migration) or Liquibase (sqlFile, splitStatements).
-- Every statement may run again: tables and indexes are created only where missing.
-- Instants are kept to the microsecond, in UTC; amounts as NUMERIC with their scale beside them.

-- One row per order ever claimed. The primary key makes an order known once; the lease columns are
-- the claim of the workflow instance working on it.
CREATE TABLE IF NOT EXISTS openproof_order (
  order_id      VARCHAR(255)                NOT NULL,
  completed     BOOLEAN                     NOT NULL,
  route         VARCHAR(16),
  lease_owner   VARCHAR(255),
  lease_until   TIMESTAMP(6) WITH TIME ZONE,
  created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT openproof_order_pk PRIMARY KEY (order_id)
);

-- At most one invoice per order and leg of the chain.
CREATE TABLE IF NOT EXISTS openproof_invoice (
  order_id       VARCHAR(255)                NOT NULL,
  leg            VARCHAR(32)                 NOT NULL,
  invoice_id     VARCHAR(255)                NOT NULL,
  seller_id      VARCHAR(255)                NOT NULL,
  seller_name    VARCHAR(1000)               NOT NULL,
  seller_country VARCHAR(16),
  buyer_id       VARCHAR(255)                NOT NULL,
  buyer_name     VARCHAR(1000)               NOT NULL,
  buyer_country  VARCHAR(16),
  currency       CHAR(3)                     NOT NULL,
  total          NUMERIC(38, 12)             NOT NULL,
  total_scale    SMALLINT                    NOT NULL,
  issued_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT openproof_invoice_pk PRIMARY KEY (order_id, leg),
  CONSTRAINT openproof_invoice_order_fk FOREIGN KEY (order_id) REFERENCES openproof_order (order_id)
);

CREATE TABLE IF NOT EXISTS openproof_invoice_line (
  order_id         VARCHAR(255)    NOT NULL,
  leg              VARCHAR(32)     NOT NULL,
  line_no          INTEGER         NOT NULL,
  sku              VARCHAR(255)    NOT NULL,
  product          VARCHAR(1000)   NOT NULL,
  quantity         INTEGER         NOT NULL,
  unit_price       NUMERIC(38, 12) NOT NULL,
  unit_price_scale SMALLINT        NOT NULL,
  amount           NUMERIC(38, 12) NOT NULL,
  amount_scale     SMALLINT        NOT NULL,
  amount_currency  CHAR(3)         NOT NULL,
  CONSTRAINT openproof_invoice_line_pk PRIMARY KEY (order_id, leg, line_no),
  CONSTRAINT openproof_invoice_line_invoice_fk FOREIGN KEY (order_id, leg) REFERENCES openproof_invoice (order_id, leg)
);

-- The legacy route: at most one physical shipment per order.
CREATE TABLE IF NOT EXISTS openproof_shipment (
  order_id            VARCHAR(255)                NOT NULL,
  distributor_id      VARCHAR(255)                NOT NULL,
  distributor_name    VARCHAR(1000)               NOT NULL,
  distributor_country VARCHAR(16),
  recorded_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT openproof_shipment_pk PRIMARY KEY (order_id),
  CONSTRAINT openproof_shipment_order_fk FOREIGN KEY (order_id) REFERENCES openproof_order (order_id)
);

CREATE TABLE IF NOT EXISTS openproof_shipment_entitlement (
  order_id     VARCHAR(255)  NOT NULL,
  position     INTEGER       NOT NULL,
  sku          VARCHAR(255)  NOT NULL,
  product      VARCHAR(1000) NOT NULL,
  quantity     INTEGER       NOT NULL,
  license_type VARCHAR(40)   NOT NULL,
  starts       DATE,
  ends         DATE,
  CONSTRAINT openproof_shipment_entitlement_pk PRIMARY KEY (order_id, position),
  CONSTRAINT openproof_shipment_entitlement_fk FOREIGN KEY (order_id) REFERENCES openproof_shipment (order_id)
);

-- The digital route: at most one proof per order (the unique order_id), as issued and as signed.
-- Rows are never updated: a revocation is a row of its own.
CREATE TABLE IF NOT EXISTS openproof_proof (
  proof_id             VARCHAR(255)                NOT NULL,
  order_id             VARCHAR(255)                NOT NULL,
  license_number       VARCHAR(64)                 NOT NULL,
  authorization_number VARCHAR(255)                NOT NULL,
  program              VARCHAR(40)                 NOT NULL,
  ordered_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  customer_id          VARCHAR(255)                NOT NULL,
  customer_name        VARCHAR(1000)               NOT NULL,
  customer_country     VARCHAR(16),
  reseller_id          VARCHAR(255)                NOT NULL,
  reseller_name        VARCHAR(1000)               NOT NULL,
  reseller_country     VARCHAR(16),
  distributor_id       VARCHAR(255)                NOT NULL,
  distributor_name     VARCHAR(1000)               NOT NULL,
  distributor_country  VARCHAR(16),
  issued_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  expires_at           TIMESTAMP(6) WITH TIME ZONE,
  status_index         BIGINT,
  status_uri           VARCHAR(2000),
  token                VARCHAR(1000000)            NOT NULL,
  algorithm            VARCHAR(40)                 NOT NULL,
  key_id               VARCHAR(255)                NOT NULL,
  recipient_name       VARCHAR(1000)               NOT NULL,
  recipient_email      VARCHAR(320)                NOT NULL,
  recipient_language   VARCHAR(100)                NOT NULL,
  recorded_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT openproof_proof_pk PRIMARY KEY (proof_id),
  CONSTRAINT openproof_proof_order_key UNIQUE (order_id),
  CONSTRAINT openproof_proof_order_fk FOREIGN KEY (order_id) REFERENCES openproof_order (order_id)
);

CREATE TABLE IF NOT EXISTS openproof_proof_entitlement (
  proof_id     VARCHAR(255)  NOT NULL,
  position     INTEGER       NOT NULL,
  sku          VARCHAR(255)  NOT NULL,
  product      VARCHAR(1000) NOT NULL,
  quantity     INTEGER       NOT NULL,
  license_type VARCHAR(40)   NOT NULL,
  starts       DATE,
  ends         DATE,
  CONSTRAINT openproof_proof_entitlement_pk PRIMARY KEY (proof_id, position),
  CONSTRAINT openproof_proof_entitlement_fk FOREIGN KEY (proof_id) REFERENCES openproof_proof (proof_id)
);

-- At most one revocation per proof; the first is kept.
CREATE TABLE IF NOT EXISTS openproof_revocation (
  proof_id   VARCHAR(255)                NOT NULL,
  reason     VARCHAR(4000)               NOT NULL,
  revoked_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT openproof_revocation_pk PRIMARY KEY (proof_id),
  CONSTRAINT openproof_revocation_proof_fk FOREIGN KEY (proof_id) REFERENCES openproof_proof (proof_id)
);

-- The outbox: every delivery of a proof, recorded before it is attempted. seq orders them oldest
-- first; lease_owner and lease_until are the claim of the instance attempting it.
CREATE TABLE IF NOT EXISTS openproof_delivery (
  delivery_id          VARCHAR(255)                NOT NULL,
  seq                  BIGINT GENERATED BY DEFAULT AS IDENTITY,
  proof_id             VARCHAR(255)                NOT NULL,
  kind                 VARCHAR(16)                 NOT NULL,
  resend_of            VARCHAR(255),
  recipient_name       VARCHAR(1000)               NOT NULL,
  recipient_email      VARCHAR(320)                NOT NULL,
  recipient_language   VARCHAR(100)                NOT NULL,
  status               VARCHAR(16)                 NOT NULL,
  attempts             INTEGER                     NOT NULL,
  next_attempt_at      TIMESTAMP(6) WITH TIME ZONE,
  lease_owner          VARCHAR(255),
  lease_until          TIMESTAMP(6) WITH TIME ZONE,
  receipt_proof_id     VARCHAR(255),
  receipt_recipient    VARCHAR(320),
  receipt_message_id   VARCHAR(1000),
  receipt_delivered_at TIMESTAMP(6) WITH TIME ZONE,
  failure_kind         VARCHAR(16),
  failure_code         INTEGER,
  failure_message      VARCHAR(4000),
  failure_at           TIMESTAMP(6) WITH TIME ZONE,
  created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  CONSTRAINT openproof_delivery_pk PRIMARY KEY (delivery_id),
  CONSTRAINT openproof_delivery_seq_key UNIQUE (seq),
  CONSTRAINT openproof_delivery_proof_fk FOREIGN KEY (proof_id) REFERENCES openproof_proof (proof_id)
);

CREATE INDEX IF NOT EXISTS openproof_delivery_by_proof ON openproof_delivery (proof_id, seq);

CREATE INDEX IF NOT EXISTS openproof_delivery_by_status ON openproof_delivery (status, seq);
