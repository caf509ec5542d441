package dev.tusk.tracker.infrastructure.postgres;

import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.ADDRESS;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.COUNT;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.CREATED;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.FROM_HASH;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.INFO_HASH;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.IS_SEEDER;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.IS_V6;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.OWN_XIDS;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.PEER_ID;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.PORT;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.TO_HASH;

import dev.tusk.platform.persistence.NamedParameterSql;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.PeerWrite;
import dev.tusk.tracker.domain.StoredPeer;
import dev.tusk.tracker.domain.SwarmSnapshot;
import dev.tusk.tracker.domain.WriteBatch;
import dev.tusk.tracker.infrastructure.postgres.PostgresStatements.Results;
import dev.tusk.tracker.infrastructure.postgres.PostgresStatements.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the swarm cache asks of PostgreSQL: a batch of writes in one transaction (set-based
 * statements over arrays, or the operator's per-row MoChi queries as JDBC batches), whole swarms
 * read in one round trip, and the peers written since a time.
 */
@ApplicationScoped
class PostgresSwarmBatches {
    private static final NamedParameterSql ESTIMATE = NamedParameterSql.parse(InfoHashRanges.ESTIMATE, List.of());

    @Inject PostgresQueries queries;
    @Inject PostgresStatements sql;

    private final OwnTransactions ownFlushes = new OwnTransactions();

    void write(WriteBatch batch) {
        if (queries.setBasedBatches()) {
            writeSetBased(batch);
        } else {
            writeRowByRow(batch);
        }
    }

    /** Removes, puts, then downloads: three statements in one round trip and one transaction. */
    private void writeSetBased(WriteBatch batch) {
        List<PeerWrite> removes = new ArrayList<>();
        List<PeerWrite> puts = new ArrayList<>();
        for (PeerWrite w : batch.writes()) {
            (w.isPut() ? puts : removes).add(w);
        }
        List<Step<?>> steps = new ArrayList<>(4);
        if (!removes.isEmpty()) {
            steps.add(Step.update(queries.batchDelete(), arrays(removes)));
        }
        if (!puts.isEmpty()) {
            steps.add(Step.update(queries.batchPut(), arrays(puts)));
        }
        if (!batch.downloads().isEmpty()) {
            byte[][] hashes = new byte[batch.downloads().size()][];
            int[] counts = new int[hashes.length];
            int i = 0;
            for (Map.Entry<InfoHash, Long> e : sortedDownloads(batch)) {
                hashes[i] = e.getKey().bytes();
                counts[i++] = (int) Math.min(Integer.MAX_VALUE, e.getValue());
            }
            steps.add(Step.update(queries.batchDownloads(), Map.of(INFO_HASH, hashes, COUNT, counts)));
        }
        if (!steps.isEmpty()) {
            Step<Long> xid = new Step<>(queries.currentXid(), Map.of(), rs -> rs.next() ? rs.getLong(1) : null);
            steps.add(xid);
            ownFlushes.remember(sql.pipeline(steps).get(xid), System.currentTimeMillis());
        }
    }

    private static Map<String, Object> arrays(List<PeerWrite> writes) {
        int n = writes.size();
        byte[][] infoHashes = new byte[n][];
        byte[][] peerIds = new byte[n][];
        String[] addresses = new String[n];
        int[] ports = new int[n];
        boolean[] seeders = new boolean[n];
        boolean[] v6 = new boolean[n];
        String[] created = new String[n];
        Map<Long, String> timestamps = new HashMap<>();
        for (int i = 0; i < n; i++) {
            PeerWrite w = writes.get(i);
            infoHashes[i] = w.infoHash().bytes();
            peerIds[i] = w.peer().id().bytes();
            addresses[i] = w.peer().address().getHostAddress();
            ports[i] = w.peer().port();
            seeders[i] = w.seeder();
            v6[i] = w.peer().isV6();
            created[i] = timestamps.computeIfAbsent(w.atMillis(), ms -> utc(ms).toString());
        }
        Map<String, Object> args = new HashMap<>();
        args.put(INFO_HASH, infoHashes);
        args.put(PEER_ID, peerIds);
        args.put(ADDRESS, addresses);
        args.put(PORT, ports);
        args.put(IS_SEEDER, seeders);
        args.put(IS_V6, v6);
        args.put(CREATED, created);
        return args;
    }

    /**
     * MoChi's queries, each as one JDBC batch, in one transaction: graduations (so a query set that
     * changes roles only by graduating still does), deletes in both roles, puts, download counts.
     */
    private void writeRowByRow(WriteBatch batch) {
        List<Map<String, Object>> graduations = new ArrayList<>();
        List<Map<String, Object>> deletes = new ArrayList<>();
        List<Map<String, Object>> puts = new ArrayList<>();
        for (PeerWrite w : batch.writes()) {
            if (w.isPut()) {
                Map<String, Object> args = rowArgs(w, w.seeder());
                if (w.graduated()) {
                    graduations.add(args);
                }
                puts.add(args);
            } else {
                deletes.add(rowArgs(w, true));
                deletes.add(rowArgs(w, false));
            }
        }
        List<Map<String, Object>> increments = new ArrayList<>();
        for (Map.Entry<InfoHash, Long> e : sortedDownloads(batch)) {
            for (long i = 0; i < e.getValue(); i++) {
                increments.add(Map.of(INFO_HASH, e.getKey().bytes()));
            }
        }
        sql.transaction(List.of(new PostgresStatements.Batched(queries.graduate(), graduations),
                new PostgresStatements.Batched(queries.deletePeer(), deletes),
                new PostgresStatements.Batched(queries.addPeer(), puts),
                new PostgresStatements.Batched(queries.downloadsIncrement(), increments)));
    }

    private static List<Map.Entry<InfoHash, Long>> sortedDownloads(WriteBatch batch) {
        List<Map.Entry<InfoHash, Long>> entries = new ArrayList<>(batch.downloads().entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }

    private static Map<String, Object> rowArgs(PeerWrite w, boolean seeder) {
        Map<String, Object> args = new HashMap<>(12);
        args.put(INFO_HASH, w.infoHash().bytes());
        args.put(PEER_ID, w.peer().id().bytes());
        args.put(ADDRESS, w.peer().address());
        args.put(PORT, w.peer().port());
        args.put(IS_SEEDER, seeder);
        args.put(IS_V6, w.peer().isV6());
        args.put(CREATED, utc(w.atMillis()));
        return args;
    }

    /** Every peer and the download count of each swarm, in one round trip. */
    Map<InfoHash, SwarmSnapshot> load(Collection<InfoHash> infoHashes) {
        Map<InfoHash, SwarmSnapshot> swarms = new LinkedHashMap<>();
        if (infoHashes.isEmpty()) {
            return swarms;
        }
        byte[][] hashes = infoHashes.stream().map(InfoHash::bytes).toArray(byte[][]::new);
        Map<String, Object> args = Map.of(INFO_HASH, hashes);
        Step<Map<InfoHash, List<StoredPeer>>> peerRows = new Step<>(queries.swarmLoad(), args, PostgresSwarmBatches::storedPeers);
        Step<Map<InfoHash, Long>> downloadRows = new Step<>(queries.swarmDownloads(), args, PostgresSwarmBatches::downloads);
        Results results = sql.pipeline(List.of(peerRows, downloadRows));
        Map<InfoHash, List<StoredPeer>> peers = results.get(peerRows);
        Map<InfoHash, Long> downloads = results.get(downloadRows);
        for (InfoHash h : infoHashes) {
            swarms.put(h, new SwarmSnapshot(h, peers.getOrDefault(h, List.of()), downloads.getOrDefault(h, 0L), true));
        }
        return swarms;
    }

    /** Every swarm, range by range of info hashes ({@link InfoHashRanges}), each range one round trip. */
    void scan(Predicate<Collection<SwarmSnapshot>> chunk) {
        long rows = sql.query(ESTIMATE, Map.of(), rs -> rs.next() ? rs.getLong(1) : 0L);
        int ranges = InfoHashRanges.count(rows, queries.rowsPerRange());
        for (int i = 0; i < ranges; i++) {
            Map<String, Object> args = Map.of(FROM_HASH, InfoHashRanges.from(i, ranges), TO_HASH, InfoHashRanges.to(i, ranges));
            Step<Map<InfoHash, List<StoredPeer>>> peerRows = new Step<>(queries.swarmRange(), args, PostgresSwarmBatches::storedPeers);
            Step<Map<InfoHash, Long>> downloadRows = new Step<>(queries.swarmRangeDownloads(), args, PostgresSwarmBatches::downloads);
            Results results = sql.pipeline(List.of(peerRows, downloadRows));
            Map<InfoHash, List<StoredPeer>> peers = results.get(peerRows);
            Map<InfoHash, Long> downloads = results.get(downloadRows);
            List<SwarmSnapshot> swarms = new ArrayList<>(peers.size());
            peers.forEach((h, list) -> swarms.add(new SwarmSnapshot(h, list, downloads.getOrDefault(h, 0L), true)));
            if (!chunk.test(swarms)) {
                return;
            }
        }
    }

    /** The peers written at or after {@code since}, by swarm. */
    List<SwarmSnapshot> changesSince(Instant since) {
        Map<InfoHash, List<StoredPeer>> peers = sql.query(queries.swarmRefresh(),
                Map.of(CREATED, LocalDateTime.ofInstant(since, ZoneOffset.UTC), OWN_XIDS, ownFlushes.since(since.toEpochMilli())),
                PostgresSwarmBatches::storedPeers);
        List<SwarmSnapshot> changes = new ArrayList<>(peers.size());
        peers.forEach((h, list) -> changes.add(new SwarmSnapshot(h, list, 0, false)));
        return changes;
    }

    private static Map<InfoHash, List<StoredPeer>> storedPeers(ResultSet rs) throws SQLException {
        Map<InfoHash, List<StoredPeer>> bySwarm = new HashMap<>();
        if (!rs.next()) {
            return bySwarm;
        }
        int infoHash = rs.findColumn("info_hash");
        int id = rs.findColumn("peer_id");
        int address = rs.findColumn("address");
        int port = rs.findColumn("port");
        int seeder = rs.findColumn("is_seeder");
        int created = rs.findColumn("created");
        boolean rawAddress = "bytea".equalsIgnoreCase(rs.getMetaData().getColumnTypeName(address));
        do {
            Object addressValue = rawAddress ? rs.getBytes(address) : rs.getString(address);
            Peer peer = new Peer(PeerId.of(rs.getBytes(id)), PeerRows.address(addressValue), rs.getInt(port));
            LocalDateTime seen = rs.getObject(created, LocalDateTime.class);
            bySwarm.computeIfAbsent(InfoHash.of(rs.getBytes(infoHash)), h -> new ArrayList<>())
                    .add(new StoredPeer(peer, rs.getBoolean(seeder), seen.toInstant(ZoneOffset.UTC).toEpochMilli()));
        } while (rs.next());
        return bySwarm;
    }

    private static Map<InfoHash, Long> downloads(ResultSet rs) throws SQLException {
        Map<InfoHash, Long> counts = new HashMap<>();
        while (rs.next()) {
            counts.put(InfoHash.of(rs.getBytes(1)), rs.getLong(2));
        }
        return counts;
    }

    private static LocalDateTime utc(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
