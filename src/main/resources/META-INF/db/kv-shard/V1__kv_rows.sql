-- One shard instance: a full copy of one shard in one zone.
-- A row is the latest version of a key (or of one zone's part of a counter): value null is a
-- tombstone. Versions are ordered by (ts, origin): ts in microseconds since the epoch, origin the
-- id of the shard instance that wrote it. xid is the local transaction that last changed the
-- row; a peer pulls rows by xid below its snapshot's xmin, so it never passes a write still in
-- flight.
CREATE TABLE kv_row
(
    namespace  text        NOT NULL,
    key        text        NOT NULL,
    part       text        NOT NULL DEFAULT '',
    kind       text        NOT NULL CHECK (kind IN ('json', 'bytes', 'counter', 'tombstone')),
    value      bytea,
    ts         bigint      NOT NULL,
    origin     text        NOT NULL,
    expires_at timestamptz,
    bucket     int         NOT NULL,
    xid        xid8        NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (namespace, key, part)
);

CREATE INDEX kv_row_xid_idx ON kv_row (xid);
CREATE INDEX kv_row_bucket_idx ON kv_row (bucket);
CREATE INDEX kv_row_tombstone_idx ON kv_row (xid) WHERE kind = 'tombstone';
CREATE INDEX kv_row_expiry_idx ON kv_row (expires_at) WHERE expires_at IS NOT NULL;

-- How far this instance has pulled from each peer: every row of the peer with a smaller xid
-- (in the peer's numbering) is applied here.
CREATE TABLE kv_progress
(
    peer       text PRIMARY KEY,
    xid        xid8        NOT NULL,
    -- the peer's clock (microseconds) when it computed that horizon
    peer_now   bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
