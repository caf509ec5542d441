package dev.tusk.tracker.infrastructure.postgres;

import dev.tusk.platform.persistence.Jdbc;
import dev.tusk.platform.persistence.SchemaMigrations;
import dev.tusk.tracker.domain.ByteKey;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.IpLiteral;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.StoreContents;
import dev.tusk.tracker.domain.StoreUnavailableException;
import dev.tusk.tracker.domain.SwarmBrowser.PeerView;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The PostgreSQL store's contents in Tusk's schema (seed 000's tables), read in key order
 * (positions are the last key read, in hex) and written by upserts, on Tusk's durable
 * datasource, inside the caller's transaction (a batch chunk's).
 */
@ApplicationScoped
@Named("postgres")
public class PostgresStoreContents implements StoreContents {
    private static final HexFormat HEX = HexFormat.of();

    @Resource(lookup = SchemaMigrations.DATASOURCE) private DataSource dataSource;

    private <T> T withConnection(Jdbc.Work<T> work) {
        return Jdbc.withConnection(dataSource, work, e -> new StoreUnavailableException("PostgreSQL store failed: " + e.getMessage(), e));
    }

    @Override
    public List<Positioned> read(Part part, String position, int limit) {
        byte[][] after = position == null ? null : positionKeys(position);
        return withConnection(c -> switch (part) {
            case SWARMS -> swarms(c, after, limit);
            case DOWNLOADS -> downloads(c, after, limit);
            case DATA -> data(c, after, limit);
        });
    }

    private static byte[][] positionKeys(String position) {
        try {
            String[] parts = position.split("\\.", -1);
            byte[][] keys = new byte[parts.length][];
            for (int i = 0; i < parts.length; i++) {
                keys[i] = HEX.parseHex(parts[i]);
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a position in the PostgreSQL store: " + position, e);
        }
    }

    /** Whole swarms, by info hash: the peers of the next {@code limit} info hashes. */
    private static List<Positioned> swarms(Connection c, byte[][] after, int limit) throws SQLException {
        String sql = """
                SELECT info_hash, peer_id, host(address), port, is_seeder, created FROM mo_peers
                WHERE info_hash IN (SELECT DISTINCT info_hash FROM mo_peers WHERE info_hash > ? ORDER BY info_hash LIMIT ?)
                ORDER BY info_hash""";
        Map<InfoHash, List<PeerView>> swarms = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setBytes(1, after == null ? new byte[0] : after[0]);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Peer peer = new Peer(PeerId.of(rs.getBytes(2)), IpLiteral.parse(rs.getString(3)).orElseThrow(), rs.getInt(4));
                    Instant seen = rs.getObject(6, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                    swarms.computeIfAbsent(InfoHash.of(rs.getBytes(1)), k -> new ArrayList<>())
                            .add(new PeerView(peer, rs.getBoolean(5), seen));
                }
            }
        }
        List<Positioned> items = new ArrayList<>(swarms.size());
        swarms.forEach((infoHash, peers) -> items.add(new Positioned(new Swarm(infoHash, peers), HEX.formatHex(infoHash.bytes()))));
        return items;
    }

    private static List<Positioned> downloads(Connection c, byte[][] after, int limit) throws SQLException {
        List<Positioned> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT info_hash, downloads FROM mo_downloads WHERE info_hash > ? ORDER BY info_hash LIMIT ?")) {
            ps.setBytes(1, after == null ? new byte[0] : after[0]);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Positioned(new Downloads(InfoHash.of(rs.getBytes(1)), rs.getLong(2)), HEX.formatHex(rs.getBytes(1))));
                }
            }
        }
        return items;
    }

    /** Entries in (context, name) order, those of one context in a page together as one item. */
    private static List<Positioned> data(Connection c, byte[][] after, int limit) throws SQLException {
        String sql = after == null
                ? "SELECT context, name, value FROM mo_kv ORDER BY context, name LIMIT ?"
                : "SELECT context, name, value FROM mo_kv WHERE (context, name) > (?, ?) ORDER BY context, name LIMIT ?";
        List<Positioned> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (after != null) {
                ps.setString(i++, new String(after[0], StandardCharsets.UTF_8));
                ps.setBytes(i++, after[1]);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                String context = null;
                Map<ByteKey, byte[]> entries = null;
                byte[] last = null;
                while (rs.next()) {
                    if (!rs.getString(1).equals(context)) {
                        if (context != null) {
                            items.add(dataItem(context, entries, last));
                        }
                        context = rs.getString(1);
                        entries = new LinkedHashMap<>();
                    }
                    last = rs.getBytes(2);
                    byte[] value = rs.getBytes(3);
                    entries.put(ByteKey.of(last), value == null ? new byte[0] : value);
                }
                if (context != null) {
                    items.add(dataItem(context, entries, last));
                }
            }
        }
        return items;
    }

    private static Positioned dataItem(String context, Map<ByteKey, byte[]> entries, byte[] lastName) {
        return new Positioned(new DataEntries(context, entries),
                HEX.formatHex(context.getBytes(StandardCharsets.UTF_8)) + "." + HEX.formatHex(lastName));
    }

    @Override
    public void write(List<? extends Item> items) {
        withConnection(c -> {
            try (PreparedStatement peers = c.prepareStatement("""
                    INSERT INTO mo_peers (info_hash, peer_id, address, port, is_seeder, is_v6, created)
                    VALUES (?, ?, ?::inet, ?, ?, ?, ?)
                    ON CONFLICT (info_hash, peer_id, address, port)
                    DO UPDATE SET is_seeder = excluded.is_seeder, created = excluded.created
                    WHERE mo_peers.created < excluded.created""");
                    PreparedStatement downloads = c.prepareStatement("""
                            INSERT INTO mo_downloads (info_hash, downloads) VALUES (?, ?)
                            ON CONFLICT (info_hash) DO UPDATE SET downloads = GREATEST(mo_downloads.downloads, excluded.downloads)""");
                    PreparedStatement data = c.prepareStatement("""
                            INSERT INTO mo_kv (context, name, value) VALUES (?, ?, ?)
                            ON CONFLICT (context, name) DO UPDATE SET value = excluded.value""")) {
                for (Item item : items) {
                    if (item instanceof Swarm s) {
                        addPeers(peers, s);
                    } else if (item instanceof Downloads d) {
                        downloads.setBytes(1, d.infoHash().bytes());
                        downloads.setInt(2, (int) Math.min(Integer.MAX_VALUE, d.count()));
                        downloads.addBatch();
                    } else if (item instanceof DataEntries d) {
                        for (Map.Entry<ByteKey, byte[]> e : d.entries().entrySet()) {
                            data.setString(1, d.context());
                            data.setBytes(2, e.getKey().bytes());
                            data.setBytes(3, e.getValue());
                            data.addBatch();
                        }
                    }
                }
                peers.executeBatch();
                downloads.executeBatch();
                data.executeBatch();
            }
            return null;
        });
    }

    private static void addPeers(PreparedStatement ps, Swarm swarm) throws SQLException {
        for (PeerView view : swarm.peers()) {
            Peer peer = view.peer();
            ps.setBytes(1, swarm.infoHash().bytes());
            ps.setBytes(2, peer.id().bytes());
            ps.setString(3, peer.address().getHostAddress());
            ps.setInt(4, peer.port());
            ps.setBoolean(5, view.seeder());
            ps.setBoolean(6, peer.isV6());
            ps.setObject(7, LocalDateTime.ofInstant(view.lastSeen(), ZoneOffset.UTC));
            ps.addBatch();
        }
    }
}
