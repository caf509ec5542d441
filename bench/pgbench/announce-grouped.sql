-- 16 announces as set-based statements: one upsert for all, one query for every swarm's counts,
-- downloads and up to 51 peers (what a grouped announce path would send per round trip).
\set p random(1, 100000)
BEGIN;
WITH req AS (SELECT decode(lpad(to_hex((random() * 999)::int + 1), 40, '0'), 'hex') AS h,
                    decode(md5((:p + g)::text), 'hex') || '\x00000000'::bytea AS pid, g % 2 = 0 AS s
             FROM generate_series(1, 16) g)
INSERT INTO mo_peers (info_hash, peer_id, address, port, is_seeder, is_v6, created)
SELECT h, pid, '10.1.0.1', 6881, s, false, now() FROM req
ON CONFLICT (info_hash, peer_id, address, port) DO UPDATE SET created = EXCLUDED.created, is_seeder = EXCLUDED.is_seeder;
WITH req AS (SELECT decode(lpad(to_hex((random() * 999)::int + 1), 40, '0'), 'hex') AS h FROM generate_series(1, 16) g)
SELECT r.h, c.s, c.l, d.downloads, p.* FROM req r
  CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE is_seeder) s, count(*) FILTER (WHERE NOT is_seeder) l
                      FROM mo_peers WHERE info_hash = r.h) c
  LEFT JOIN mo_downloads d ON d.info_hash = r.h
  CROSS JOIN LATERAL (SELECT peer_id, address, port FROM mo_peers WHERE info_hash = r.h AND NOT is_v6
                      ORDER BY is_seeder DESC LIMIT 51) p;
COMMIT;
