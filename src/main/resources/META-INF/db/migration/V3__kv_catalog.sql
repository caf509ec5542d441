-- The global key-value store's catalog (seed 004): zones, shards, the databases that hold each
-- shard in each zone, and namespaces with their expiry. Edited through /api/admin/kv; every
-- change is pushed to every node over JMS.
CREATE TABLE kv_zone
(
    name text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_.-]{1,64}$')
);

CREATE TABLE kv_shard
(
    name     text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_.-]{1,64}$'),
    -- A key lives in shard number crc32c(key) mod (number of shards): positions are 0..n-1.
    position int  NOT NULL UNIQUE CHECK (position >= 0)
);

CREATE TABLE kv_shard_instance
(
    -- The instance's id is the origin stamped on the rows written there.
    id             text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_.-]{1,64}$'),
    shard          text    NOT NULL REFERENCES kv_shard ON DELETE RESTRICT,
    zone           text    NOT NULL REFERENCES kv_zone ON DELETE RESTRICT,
    jdbc_url       text    NOT NULL,
    username       text    NOT NULL,
    password       text,
    decommissioned boolean NOT NULL DEFAULT false,
    UNIQUE (shard, zone)
);

CREATE TABLE kv_namespace
(
    name                 text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_.-]{1,128}$'),
    -- A row expires this long after its last write; null: never.
    expire_after_seconds bigint CHECK (expire_after_seconds > 0)
);
