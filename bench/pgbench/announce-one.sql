-- One announce as its own transaction: the put, the swarm's counts, its downloads and up to 51
-- seeders and 51 leechers of the announcer's family (the statements Tusk pipelines per announce).
\set h random(1, 1000)
\set p random(1, 100000)
BEGIN;
INSERT INTO mo_peers (info_hash, peer_id, address, port, is_seeder, is_v6, created) VALUES (decode(lpad(to_hex(:h::int),40,'0'),'hex'), decode(md5((:p)::text),'hex') || '\x00000000'::bytea, '10.1.0.1', 6881, :p % 2 = 0, false, now()) ON CONFLICT (info_hash, peer_id, address, port) DO UPDATE SET created = EXCLUDED.created, is_seeder = EXCLUDED.is_seeder;
SELECT count(*) FILTER (WHERE is_seeder), count(*) FILTER (WHERE NOT is_seeder) FROM mo_peers WHERE info_hash = decode(lpad(to_hex(:h::int),40,'0'),'hex');
SELECT downloads FROM mo_downloads WHERE info_hash = decode(lpad(to_hex(:h::int),40,'0'),'hex');
SELECT peer_id, address, port FROM mo_peers WHERE info_hash = decode(lpad(to_hex(:h::int),40,'0'),'hex') AND is_seeder AND NOT is_v6 LIMIT 51;
SELECT peer_id, address, port FROM mo_peers WHERE info_hash = decode(lpad(to_hex(:h::int),40,'0'),'hex') AND NOT is_seeder AND NOT is_v6 LIMIT 51;
COMMIT;
