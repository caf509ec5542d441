-- The tracker's tables, as MoChi's PostgreSQL storage defines them (seed 000).
-- IF NOT EXISTS: a database that already serves MoChi is adopted as it is.
CREATE TABLE IF NOT EXISTS mo_peers
(
    info_hash bytea     NOT NULL,
    peer_id   bytea     NOT NULL,
    address   inet      NOT NULL,
    port      int4      NOT NULL,
    is_seeder bool      NOT NULL,
    is_v6     bool      NOT NULL,
    created   timestamp NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (info_hash, peer_id, address, port)
);

CREATE INDEX IF NOT EXISTS mo_peers_created_idx ON mo_peers (created);
CREATE INDEX IF NOT EXISTS mo_peers_announce_idx ON mo_peers (info_hash, is_seeder, is_v6);

CREATE TABLE IF NOT EXISTS mo_downloads
(
    info_hash bytea PRIMARY KEY NOT NULL,
    downloads int NOT NULL DEFAULT 1
);

CREATE TABLE IF NOT EXISTS mo_kv
(
    context varchar NOT NULL,
    name    bytea   NOT NULL,
    value   bytea,
    PRIMARY KEY (context, name)
);
