-- The catalog's version: bumped by every change to the catalog tables, whoever makes it (the
-- admin API or plain SQL), so that a node that missed the JMS notice still sees the change at
-- its next maintenance round.
CREATE TABLE kv_catalog_version
(
    id      int PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO kv_catalog_version VALUES (1, 0);

CREATE FUNCTION kv_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    UPDATE kv_catalog_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER kv_zone_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kv_zone
    FOR EACH STATEMENT EXECUTE FUNCTION kv_catalog_changed();
CREATE TRIGGER kv_shard_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kv_shard
    FOR EACH STATEMENT EXECUTE FUNCTION kv_catalog_changed();
CREATE TRIGGER kv_shard_instance_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kv_shard_instance
    FOR EACH STATEMENT EXECUTE FUNCTION kv_catalog_changed();
CREATE TRIGGER kv_namespace_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kv_namespace
    FOR EACH STATEMENT EXECUTE FUNCTION kv_catalog_changed();
