package dev.tusk.tracker.infrastructure.postgres;

import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.ADDRESS;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.COUNT;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.CREATED;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.INFO_HASH;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.IS_SEEDER;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.IS_V6;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.PEER_ID;
import static dev.tusk.tracker.infrastructure.postgres.PostgresQueries.PORT;

import dev.tusk.tracker.domain.AnnounceOutcome;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerSelector;
import dev.tusk.tracker.domain.StoreStatistics;
import dev.tusk.tracker.domain.SwarmChange;
import dev.tusk.tracker.domain.SwarmCounts;
import dev.tusk.tracker.domain.SwarmSnapshot;
import dev.tusk.tracker.domain.TrackerStore;
import dev.tusk.tracker.domain.WriteBatch;
import dev.tusk.tracker.infrastructure.postgres.PostgresStatements.Results;
import dev.tusk.tracker.infrastructure.postgres.PostgresStatements.Step;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Swarms in PostgreSQL (seed 000's {@code mo_peers} and {@code mo_downloads}), through the
 * operator's configured queries. Times are stored as UTC in {@code timestamp} columns.
 */
@ApplicationScoped
@Typed(PostgresPeerStore.class)
public class PostgresPeerStore implements TrackerStore {

    @Inject PostgresQueries queries;
    @Inject PostgresStatements sql;
    @Inject PostgresSwarmBatches batches;
    @Inject PostgresStatisticsSweep sweep;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void put(InfoHash infoHash, Peer peer, boolean seeder) {
        sql.update(queries.addPeer(), peerArgs(infoHash, peer, seeder));
    }

    @Override
    public boolean delete(InfoHash infoHash, Peer peer, boolean seeder) {
        return sql.update(queries.deletePeer(), peerArgs(infoHash, peer, seeder)) > 0;
    }

    /**
     * One round trip, one implicit transaction: the graduate query, then the add query as a
     * seeder (which only refreshes a peer the first made a seeder, and adds one that was not a
     * leecher), then the download count.
     */
    @Override
    public void graduateLeecher(InfoHash infoHash, Peer peer) {
        Map<String, Object> args = peerArgs(infoHash, peer, true);
        sql.pipeline(List.of(Step.update(queries.graduate(), args), Step.update(queries.addPeer(), args),
                Step.update(queries.downloadsIncrement(), Map.of(INFO_HASH, infoHash.bytes()))));
    }

    @Override
    public List<Peer> announcePeers(InfoHash infoHash, boolean forSeeder, int numWant, boolean v6) {
        if (numWant <= 0) {
            return List.of();
        }
        if (forSeeder) {
            return peers(infoHash, false, v6, numWant);
        }
        List<Peer> peers = new ArrayList<>(peers(infoHash, true, v6, numWant));
        if (peers.size() < numWant) {
            peers.addAll(peers(infoHash, false, v6, numWant - peers.size()));
        }
        return peers;
    }

    private List<Peer> peers(InfoHash infoHash, boolean seeders, boolean v6, int limit) {
        return sql.query(queries.announce(), peersArgs(infoHash, seeders, v6, limit), this::readPeers);
    }

    private static Map<String, Object> peersArgs(InfoHash infoHash, boolean seeders, boolean v6, int limit) {
        return Map.of(INFO_HASH, infoHash.bytes(), IS_SEEDER, seeders, IS_V6, v6, COUNT, limit);
    }

    private List<Peer> readPeers(ResultSet rs) throws SQLException {
        return PeerRows.read(rs, queries.peerIdColumn(), queries.addressColumn(), queries.portColumn());
    }

    /**
     * A plain announce (a put) in one round trip: the put, the announcer's own family (seeders
     * then leechers for a leecher) and the counts go to PostgreSQL together. The other family
     * costs a second round trip, only when the own one has too few peers and the swarm's counts
     * say the other family has some (the count query is expected to count the peers the announce
     * query returns, as MoChi's defaults do).
     */
    @Override
    public AnnounceOutcome announce(InfoHash infoHash, Peer peer, SwarmChange change, int numWant) {
        if (change != SwarmChange.PUT_SEEDER && change != SwarmChange.PUT_LEECHER) {
            return TrackerStore.super.announce(infoHash, peer, change, numWant);
        }
        boolean seeder = change == SwarmChange.PUT_SEEDER;
        int limit = numWant + 1;
        List<Step<?>> steps = new ArrayList<>(5);
        steps.add(Step.update(queries.addPeer(), peerArgs(infoHash, peer, seeder)));
        CountSteps counts = new CountSteps(infoHash);
        counts.addTo(steps);
        List<Step<List<Peer>>> peerSteps = new ArrayList<>(2);
        if (numWant > 0) {
            if (!seeder) {
                peerSteps.add(new Step<>(queries.announce(), peersArgs(infoHash, true, peer.isV6(), limit), this::readPeers));
            }
            peerSteps.add(new Step<>(queries.announce(), peersArgs(infoHash, false, peer.isV6(), limit), this::readPeers));
        }
        steps.addAll(peerSteps);
        Results results = sql.pipeline(steps);
        SwarmCounts swarm = counts.of(results);
        List<Peer> ownFamily = new ArrayList<>();
        for (Step<List<Peer>> step : peerSteps) {
            ownFamily.addAll(results.get(step));
        }
        // The counts cover both address families: when the own family's rows are all of them,
        // the other family has no peer to offer and its round trip is saved.
        long wantedInSwarm = seeder ? swarm.leechers() : swarm.seeders() + swarm.leechers();
        boolean otherFamilyEmpty = ownFamily.size() >= wantedInSwarm;
        List<Peer> peers = PeerSelector.merge(peer, numWant, ownFamily,
                missing -> otherFamilyEmpty ? List.of() : announcePeers(infoHash, seeder, missing, !peer.isV6()));
        return new AnnounceOutcome(peers, swarm);
    }

    @Override
    public SwarmCounts scrapeSwarm(InfoHash infoHash) {
        return scrapeSwarms(List.of(infoHash)).get(infoHash);
    }

    /** Every swarm's counts and downloads in one round trip. */
    @Override
    public Map<InfoHash, SwarmCounts> scrapeSwarms(Collection<InfoHash> infoHashes) {
        Map<InfoHash, SwarmCounts> swarms = new LinkedHashMap<>();
        List<CountSteps> counts = new ArrayList<>();
        List<Step<?>> steps = new ArrayList<>();
        for (InfoHash infoHash : new LinkedHashSet<>(infoHashes)) {
            CountSteps swarm = new CountSteps(infoHash);
            swarm.addTo(steps);
            counts.add(swarm);
        }
        if (!steps.isEmpty()) {
            Results results = sql.pipeline(steps);
            counts.forEach(c -> swarms.put(c.infoHash, c.of(results)));
        }
        return swarms;
    }

    /** A swarm's seeders and leechers, and its downloads: two steps of a pipeline. */
    private final class CountSteps {
        final InfoHash infoHash;
        final Step<long[]> peers;
        final Step<Long> downloads;

        CountSteps(InfoHash infoHash) {
            this.infoHash = infoHash;
            Map<String, Object> args = Map.of(INFO_HASH, infoHash.bytes());
            peers = new Step<>(queries.countByInfoHash(), args, PostgresPeerStore.this::seedersAndLeechers);
            downloads = new Step<>(queries.downloadsGet(), args, PostgresPeerStore::firstLong);
        }

        void addTo(List<Step<?>> steps) {
            steps.add(peers);
            steps.add(downloads);
        }

        SwarmCounts of(Results results) {
            long[] p = results.get(peers);
            return new SwarmCounts(p[0], p[1], results.get(downloads));
        }
    }

    @Override
    public void ping() {
        sql.query(queries.ping(), Map.of(), rs -> rs.next());
    }

    @Override
    public long collectGarbage(Instant cutoff) {
        Map<String, Object> args = Map.of(CREATED, LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC),
                COUNT, queries.gcBatchSize());
        long removed = 0;
        int deleted;
        do {
            deleted = sql.update(queries.gc(), args);
            removed += deleted;
        } while (queries.gc().uses(COUNT) && deleted >= queries.gcBatchSize());
        sweep.removed(removed);
        return removed;
    }

    /**
     * With the default count queries, by ranges of info hashes ({@link PostgresStatisticsSweep}),
     * never a statement over the whole table; with an operator's own, those queries.
     */
    @Override
    public StoreStatistics statistics() {
        if (queries.defaultStatistics()) {
            return sweep.statistics();
        }
        long infoHashes = sql.query(queries.infoHashCount(), Map.of(), PostgresPeerStore::firstLong);
        long[] peers = sql.query(queries.countAll(), Map.of(), this::seedersAndLeechers);
        return new StoreStatistics(infoHashes, peers[0], peers[1]);
    }

    @Override
    public void write(WriteBatch batch) {
        batches.write(batch);
        sweep.written(batch);
    }

    @Override
    public Map<InfoHash, SwarmSnapshot> loadSwarms(Collection<InfoHash> infoHashes) {
        return batches.load(infoHashes);
    }

    /** By time: PostgreSQL has the peers' last-seen times indexed. */
    @Override
    public List<SwarmSnapshot> changesSince(Instant since, Collection<InfoHash> recentlyUsed) {
        return batches.changesSince(since);
    }

    @Override
    public void scanSwarms(Predicate<Collection<SwarmSnapshot>> chunk) {
        batches.scan(chunk);
    }

    private Map<String, Object> peerArgs(InfoHash infoHash, Peer peer, boolean seeder) {
        Map<String, Object> args = new HashMap<>(12);
        args.put(INFO_HASH, infoHash.bytes());
        args.put(PEER_ID, peer.id().bytes());
        args.put(ADDRESS, peer.address());
        args.put(PORT, peer.port());
        args.put(IS_SEEDER, seeder);
        args.put(IS_V6, peer.isV6());
        args.put(CREATED, LocalDateTime.now(clock));
        return args;
    }

    private long[] seedersAndLeechers(ResultSet rs) throws SQLException {
        if (!rs.next()) {
            return new long[2];
        }
        return new long[] {rs.getLong(queries.seedersColumn()), rs.getLong(queries.leechersColumn())};
    }

    private static long firstLong(ResultSet rs) throws SQLException {
        return rs.next() ? rs.getLong(1) : 0;
    }
}
