package dev.tusk.tracker.infrastructure.postgres;

import dev.tusk.platform.persistence.NamedParameterSql;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The SQL of the PostgreSQL store, configurable under MoChi's keys ({@code tracker.pg.*}, or
 * the {@code TRACKER_PG_*} environment variables) with MoChi's named arguments. The defaults
 * are seed 000's queries with its graduate typo fixed ({@code peer_id=@peer_id}), a data put
 * that replaces the value, and a garbage collection that deletes in batches of {@code @count}.
 */
@ApplicationScoped
public class PostgresQueries {
    static final String INFO_HASH = "info_hash";
    static final String PEER_ID = "peer_id";
    static final String ADDRESS = "address";
    static final String PORT = "port";
    static final String IS_SEEDER = "is_seeder";
    static final String IS_V6 = "is_v6";
    static final String CREATED = "created";
    static final String COUNT = "count";
    static final String CONTEXT = "context";
    static final String KEY = "key";
    static final String VALUE = "value";
    static final String FROM_HASH = "from_hash";
    static final String TO_HASH = "to_hash";
    /** The refresh's: this node's recent flush transactions (32-bit xids), whose rows it has. */
    static final String OWN_XIDS = "own_xids";
    /** The transaction a flush ran in, read in the same round trip as its writes. */
    private static final String CURRENT_XID = "SELECT txid_current() % 4294967296";

    private static final List<String> PEER_ARGS = List.of(INFO_HASH, PEER_ID, ADDRESS, PORT, IS_SEEDER, IS_V6, CREATED);
    private static final Set<String> KNOWN_ARGS = Set.of(INFO_HASH, PEER_ID, ADDRESS, PORT, IS_SEEDER, IS_V6, CREATED,
            COUNT, CONTEXT, KEY, VALUE, FROM_HASH, TO_HASH, OWN_XIDS);

    @Inject @ConfigProperty(name = "tracker.pg.announce.query") String announceQuery;
    @Inject @ConfigProperty(name = "tracker.pg.announce.peer_id_column") String peerIdColumn;
    @Inject @ConfigProperty(name = "tracker.pg.announce.address_column") String addressColumn;
    @Inject @ConfigProperty(name = "tracker.pg.announce.port_column") String portColumn;
    @Inject @ConfigProperty(name = "tracker.pg.peer.add_query") String addQuery;
    @Inject @ConfigProperty(name = "tracker.pg.peer.del_query") String delQuery;
    @Inject @ConfigProperty(name = "tracker.pg.peer.graduate_query") String graduateQuery;
    @Inject @ConfigProperty(name = "tracker.pg.peer.count_query") String countQuery;
    @Inject @ConfigProperty(name = "tracker.pg.peer.by_info_hash_clause") String byInfoHashClause;
    @Inject @ConfigProperty(name = "tracker.pg.peer.count_seeders_column") String seedersColumn;
    @Inject @ConfigProperty(name = "tracker.pg.peer.count_leechers_column") String leechersColumn;
    @Inject @ConfigProperty(name = "tracker.pg.downloads.get_query") String downloadsGetQuery;
    @Inject @ConfigProperty(name = "tracker.pg.downloads.inc_query") String downloadsIncQuery;
    @Inject @ConfigProperty(name = "tracker.pg.data.add_query") String dataAddQuery;
    @Inject @ConfigProperty(name = "tracker.pg.data.del_query") String dataDelQuery;
    @Inject @ConfigProperty(name = "tracker.pg.data.get_query") String dataGetQuery;
    @Inject @ConfigProperty(name = "tracker.pg.ping_query") String pingQuery;
    @Inject @ConfigProperty(name = "tracker.pg.gc_query") String gcQuery;
    @Inject @ConfigProperty(name = "tracker.pg.info_hash_count_query") String infoHashCountQuery;
    @Inject @ConfigProperty(name = "tracker.pg.gc_batch_size") int gcBatchSize;
    @Inject @ConfigProperty(name = "tracker.pg.batch.mode") String batchMode;
    @Inject @ConfigProperty(name = "tracker.pg.batch.put_query") String batchPutQuery;
    @Inject @ConfigProperty(name = "tracker.pg.batch.delete_query") String batchDeleteQuery;
    @Inject @ConfigProperty(name = "tracker.pg.batch.downloads_query") String batchDownloadsQuery;
    @Inject @ConfigProperty(name = "tracker.pg.swarm.load_query") String swarmLoadQuery;
    @Inject @ConfigProperty(name = "tracker.pg.swarm.downloads_query") String swarmDownloadsQuery;
    @Inject @ConfigProperty(name = "tracker.pg.swarm.refresh_query") String swarmRefreshQuery;
    @Inject @ConfigProperty(name = "tracker.pg.swarm.range_query") String swarmRangeQuery;
    @Inject @ConfigProperty(name = "tracker.pg.swarm.range_downloads_query") String swarmRangeDownloadsQuery;
    @Inject @ConfigProperty(name = "tracker.pg.statistics.rows_per_range") long rowsPerRange;

    private NamedParameterSql announce;
    private NamedParameterSql addPeer;
    private NamedParameterSql deletePeer;
    private NamedParameterSql graduate;
    private NamedParameterSql countAll;
    private NamedParameterSql countByInfoHash;
    private NamedParameterSql downloadsGet;
    private NamedParameterSql downloadsIncrement;
    private NamedParameterSql dataAdd;
    private NamedParameterSql dataDelete;
    private NamedParameterSql dataGet;
    private NamedParameterSql ping;
    private NamedParameterSql gc;
    private NamedParameterSql infoHashCount;
    private NamedParameterSql batchPut;
    private NamedParameterSql batchDelete;
    private NamedParameterSql batchDownloads;
    private NamedParameterSql swarmLoad;
    private NamedParameterSql swarmDownloads;
    private NamedParameterSql swarmRefresh;
    private NamedParameterSql currentXid;
    private NamedParameterSql swarmRange;
    private NamedParameterSql swarmRangeDownloads;
    private boolean setBasedBatches;
    private boolean defaultStatistics;

    /** Parsed once; a malformed query stops the deployment with the reason. */
    @PostConstruct
    void parse() {
        announce = NamedParameterSql.parse(announceQuery, List.of(INFO_HASH, IS_SEEDER, IS_V6, COUNT));
        addPeer = NamedParameterSql.parse(addQuery, PEER_ARGS);
        deletePeer = NamedParameterSql.parse(delQuery, PEER_ARGS);
        graduate = NamedParameterSql.parse(graduateQuery, PEER_ARGS);
        countAll = NamedParameterSql.parse(countQuery);
        countByInfoHash = NamedParameterSql.parse(countQuery + " " + byInfoHashClause, List.of(INFO_HASH));
        downloadsGet = NamedParameterSql.parse(downloadsGetQuery, List.of(INFO_HASH));
        downloadsIncrement = NamedParameterSql.parse(downloadsIncQuery, List.of(INFO_HASH));
        dataAdd = NamedParameterSql.parse(dataAddQuery, List.of(CONTEXT, KEY, VALUE));
        dataDelete = NamedParameterSql.parse(dataDelQuery, List.of(CONTEXT, KEY));
        dataGet = NamedParameterSql.parse(dataGetQuery, List.of(CONTEXT, KEY));
        ping = NamedParameterSql.parse(pingQuery);
        gc = NamedParameterSql.parse(gcQuery, List.of(CREATED, COUNT));
        infoHashCount = NamedParameterSql.parse(infoHashCountQuery);
        batchPut = NamedParameterSql.parse(batchPutQuery, PEER_ARGS);
        batchDelete = NamedParameterSql.parse(batchDeleteQuery, PEER_ARGS);
        batchDownloads = NamedParameterSql.parse(batchDownloadsQuery, List.of(INFO_HASH, COUNT));
        swarmLoad = NamedParameterSql.parse(swarmLoadQuery, List.of(INFO_HASH));
        swarmDownloads = NamedParameterSql.parse(swarmDownloadsQuery, List.of(INFO_HASH));
        swarmRefresh = NamedParameterSql.parse(swarmRefreshQuery, List.of(CREATED, OWN_XIDS));
        currentXid = NamedParameterSql.parse(CURRENT_XID, List.of());
        swarmRange = NamedParameterSql.parse(swarmRangeQuery, List.of(FROM_HASH, TO_HASH));
        swarmRangeDownloads = NamedParameterSql.parse(swarmRangeDownloadsQuery, List.of(FROM_HASH, TO_HASH));
        if (rowsPerRange < 1) {
            throw new IllegalStateException("tracker.pg.statistics.rows_per_range must be at least 1");
        }
        defaultStatistics = isDefault("tracker.pg.peer.count_query", countQuery)
                && isDefault("tracker.pg.info_hash_count_query", infoHashCountQuery);
        setBasedBatches = switch (batchMode.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "set" -> true;
            case "rows" -> false;
            case "auto" -> perRowQueriesAreDefaults();
            default -> throw new IllegalStateException("tracker.pg.batch.mode is auto, set or rows, not " + batchMode);
        };
        for (NamedParameterSql q : List.of(announce, addPeer, deletePeer, graduate, countAll, countByInfoHash,
                downloadsGet, downloadsIncrement, dataAdd, dataDelete, dataGet, ping, gc, infoHashCount,
                batchPut, batchDelete, batchDownloads, swarmLoad, swarmDownloads, swarmRefresh, swarmRange, swarmRangeDownloads)) {
            for (String name : q.parameterNames()) {
                if (!KNOWN_ARGS.contains(name)) {
                    throw new IllegalStateException("Unknown argument @" + name + " in tracker.pg query: " + q.jdbcSql()
                            + " (known: " + KNOWN_ARGS + ")");
                }
            }
        }
        if (gcBatchSize < 1) {
            throw new IllegalStateException("tracker.pg.gc_batch_size must be at least 1");
        }
    }

    /**
     * Whether the writes MoChi's per-row queries make are what the set-based batch statements
     * make: true while the operator kept Tusk's defaults (the shipped configuration file).
     */
    private boolean perRowQueriesAreDefaults() {
        return isDefault("tracker.pg.peer.add_query", addQuery) && isDefault("tracker.pg.peer.del_query", delQuery)
                && isDefault("tracker.pg.downloads.inc_query", downloadsIncQuery);
    }

    /** Whether a setting has the value the shipped configuration file gives it. */
    private static boolean isDefault(String key, String value) {
        java.util.Properties defaults = new java.util.Properties();
        try (java.io.InputStream in = PostgresQueries.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            if (in == null) {
                return false;
            }
            defaults.load(in);
        } catch (java.io.IOException e) {
            return false;
        }
        return value.equals(defaults.getProperty(key));
    }

    /** The storage totals may be counted range by range: the count queries are the defaults. */
    boolean defaultStatistics() {
        return defaultStatistics;
    }

    /** Write-behind batches as the set-based statements (else the per-row queries as a JDBC batch). */
    boolean setBasedBatches() {
        return setBasedBatches;
    }

    NamedParameterSql batchPut() {
        return batchPut;
    }

    NamedParameterSql batchDelete() {
        return batchDelete;
    }

    NamedParameterSql batchDownloads() {
        return batchDownloads;
    }

    NamedParameterSql swarmLoad() {
        return swarmLoad;
    }

    NamedParameterSql swarmDownloads() {
        return swarmDownloads;
    }

    NamedParameterSql currentXid() {
        return currentXid;
    }

    NamedParameterSql swarmRefresh() {
        return swarmRefresh;
    }

    NamedParameterSql swarmRange() {
        return swarmRange;
    }

    NamedParameterSql swarmRangeDownloads() {
        return swarmRangeDownloads;
    }

    /** About how many rows one statement of a walk over mo_peers reads or counts. */
    long rowsPerRange() {
        return rowsPerRange;
    }

    int gcBatchSize() {
        return gcBatchSize;
    }

    NamedParameterSql announce() {
        return announce;
    }

    NamedParameterSql addPeer() {
        return addPeer;
    }

    NamedParameterSql deletePeer() {
        return deletePeer;
    }

    NamedParameterSql graduate() {
        return graduate;
    }

    NamedParameterSql countAll() {
        return countAll;
    }

    NamedParameterSql countByInfoHash() {
        return countByInfoHash;
    }

    NamedParameterSql downloadsGet() {
        return downloadsGet;
    }

    NamedParameterSql downloadsIncrement() {
        return downloadsIncrement;
    }

    NamedParameterSql dataAdd() {
        return dataAdd;
    }

    NamedParameterSql dataDelete() {
        return dataDelete;
    }

    NamedParameterSql dataGet() {
        return dataGet;
    }

    NamedParameterSql ping() {
        return ping;
    }

    NamedParameterSql gc() {
        return gc;
    }

    NamedParameterSql infoHashCount() {
        return infoHashCount;
    }

    String peerIdColumn() {
        return peerIdColumn;
    }

    String addressColumn() {
        return addressColumn;
    }

    String portColumn() {
        return portColumn;
    }

    String seedersColumn() {
        return seedersColumn;
    }

    String leechersColumn() {
        return leechersColumn;
    }
}
