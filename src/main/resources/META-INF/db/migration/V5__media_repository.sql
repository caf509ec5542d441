-- The media service's repository (pict-rs's schema, seeds 001 and 003), with the fixes of
-- spec/media.md: timestamptz, indexes for keyset paging and access-time scans, cascades only
-- where no stored file can be orphaned (a hash with aliases or variants cannot be deleted).
CREATE TABLE hashes
(
    hash              bytea PRIMARY KEY CHECK (octet_length(hash) = 39),
    identifier        text        NOT NULL UNIQUE,
    motion_identifier text UNIQUE,
    blurhash          text,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hashes_page_idx ON hashes (created_at DESC, hash DESC);

CREATE TABLE variants
(
    id         uuid PRIMARY KEY,
    hash       bytea       NOT NULL REFERENCES hashes ON DELETE RESTRICT,
    variant    text        NOT NULL,
    identifier text        NOT NULL UNIQUE,
    accessed   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (hash, variant)
);
CREATE INDEX variants_accessed_idx ON variants (accessed, id);

CREATE TABLE aliases
(
    alias text PRIMARY KEY,
    hash  bytea NOT NULL REFERENCES hashes ON DELETE RESTRICT,
    token text  NOT NULL
);
CREATE INDEX aliases_hash_idx ON aliases (hash);

CREATE TABLE settings
(
    key   text PRIMARY KEY,
    value bytea NOT NULL
);

CREATE TABLE details
(
    identifier text PRIMARY KEY,
    json       jsonb NOT NULL
);

CREATE TABLE proxies
(
    url      text PRIMARY KEY,
    alias    text        NOT NULL REFERENCES aliases ON DELETE CASCADE,
    accessed timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proxies_accessed_idx ON proxies (accessed, url);
CREATE INDEX proxies_alias_idx ON proxies (alias);

CREATE TABLE uploads
(
    id         uuid PRIMARY KEY,
    result     jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX uploads_created_at_idx ON uploads (created_at);

CREATE TABLE store_migrations
(
    old_identifier text PRIMARY KEY,
    new_identifier text NOT NULL UNIQUE
);
