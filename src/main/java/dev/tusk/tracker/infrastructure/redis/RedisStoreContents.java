package dev.tusk.tracker.infrastructure.redis;

import static dev.tusk.tracker.infrastructure.redis.RedisKeys.ascii;

import dev.tusk.tracker.domain.ByteKey;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.StoreContents;
import dev.tusk.tracker.domain.SwarmBrowser.PeerView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The Redis store's contents in MoChi's layout, read with SCAN, SSCAN and HSCAN (never blocking
 * Redis on a large swarm or context) and written by scripts that keep the counters exact. A
 * position is a scan cursor and how many elements of its page were read ({@code cursor:n}),
 * or {@code end}: SCAN returns every element present for the whole walk, and an element seen
 * twice is written twice to no effect.
 */
@ApplicationScoped
@Named("redis")
public class RedisStoreContents implements StoreContents {
    private static final String END = "end";
    private static final String START = "0";
    private static final byte[] DATA_PATTERN = ascii("CHI_*");
    private static final byte[] HASH_TYPE = ascii("hash");
    private static final int ARGUMENTS_PER_SCRIPT = 1000;

    @Inject RedisConnection redis;
    @Override
    public List<Positioned> read(Part part, String position, int limit) {
        return switch (part) {
            case SWARMS -> walk(position, cursor -> redis.call(r -> r.sscan(RedisKeys.SWARMS, cursor, new ScanParams().count(limit))),
                    this::swarm);
            case DOWNLOADS -> walk(position, cursor -> redis.call(r -> r.hscan(RedisKeys.DOWNLOADS, cursor, new ScanParams().count(limit))),
                    e -> new Downloads(InfoHash.of(e.getKey()), Long.parseLong(new String(e.getValue(), StandardCharsets.US_ASCII))));
            case DATA -> walkKeySpaces(position, limit);
        };
    }

    /**
     * The data contexts, found by SCAN in each key space (the one server, or each master of a
     * cluster). With several, a position is the key space's index, a slash, and the position in
     * that key space.
     */
    private List<Positioned> walkKeySpaces(String position, int limit) {
        List<String> spaces = redis.keySpaces();
        ScanParams params = new ScanParams().match(DATA_PATTERN).count(limit);
        if (spaces.size() == 1) {
            return walk(position, cursor -> redis.scan(spaces.get(0), cursor, params, HASH_TYPE), this::dataContext);
        }
        if (END.equals(position)) {
            return List.of();
        }
        int space = 0;
        String inSpace = null;
        if (position != null) {
            int slash = position.indexOf('/');
            try {
                space = Integer.parseInt(position.substring(0, slash));
                inSpace = position.substring(slash + 1);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a position in the Redis store: " + position, e);
            }
        }
        for (; space < spaces.size(); space++, inSpace = null) {
            String node = spaces.get(space);
            List<Positioned> items = walk(inSpace, cursor -> redis.scan(node, cursor, params, HASH_TYPE), this::dataContext);
            if (!items.isEmpty()) {
                int here = space;
                boolean lastSpace = space + 1 == spaces.size();
                return items.stream().map(p -> new Positioned(p.item(), !END.equals(p.next()) ? here + "/" + p.next()
                        : lastSpace ? END : (here + 1) + "/" + START + ":0")).toList();
            }
        }
        return List.of();
    }

    /**
     * The next items of a scan from a position: pages are fetched until one yields items or the
     * walk ends; {@code toItem} may answer null for an element that is not an item.
     */
    private <E> List<Positioned> walk(String position, Function<byte[], ScanResult<E>> scan, Function<E, Item> toItem) {
        if (END.equals(position)) {
            return List.of();
        }
        String cursor = START;
        int skip = 0;
        if (position != null) {
            int colon = position.indexOf(':');
            try {
                cursor = position.substring(0, colon);
                skip = Integer.parseInt(position.substring(colon + 1));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a position in the Redis store: " + position, e);
            }
        }
        List<Positioned> items = new ArrayList<>();
        while (true) {
            ScanResult<E> page = scan.apply(ascii(cursor));
            List<E> elements = page.getResult();
            String next = page.getCursor();
            for (int i = skip; i < elements.size(); i++) {
                Item item = toItem.apply(elements.get(i));
                if (item != null) {
                    boolean pageDone = i + 1 == elements.size();
                    items.add(new Positioned(item, !pageDone ? cursor + ":" + (i + 1) : START.equals(next) ? END : next + ":0"));
                }
            }
            if (!items.isEmpty() || START.equals(next)) {
                return items;
            }
            cursor = next;
            skip = 0;
        }
    }

    private Item swarm(byte[] swarmKey) {
        InfoHash infoHash = RedisKeys.infoHashOf(swarmKey);
        if (infoHash == null) {
            return null;
        }
        boolean seeders = swarmKey[4] == 'S';
        List<PeerView> peers = new ArrayList<>();
        entries(swarmKey).forEach((peer, nanos) -> {
            peers.add(new PeerView(RedisKeys.peerOf(peer), seeders, RedisKeys.instantOf(nanos)));
        });
        return peers.isEmpty() ? null : new Swarm(infoHash, peers);
    }

    private Item dataContext(byte[] key) {
        if (RedisKeys.infoHashOf(key) != null || Arrays.equals(key, RedisKeys.DOWNLOADS)) {
            return null;
        }
        Map<ByteKey, byte[]> entries = new LinkedHashMap<>();
        entries(key).forEach((k, v) -> entries.put(ByteKey.of(k), v));
        String context = new String(key, "CHI_".length(), key.length - "CHI_".length(), StandardCharsets.UTF_8);
        return entries.isEmpty() ? null : new DataEntries(context, entries);
    }

    /** A whole hash, page by page. */
    private Map<byte[], byte[]> entries(byte[] key) {
        Map<byte[], byte[]> all = new LinkedHashMap<>();
        byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
        do {
            byte[] at = cursor;
            ScanResult<Map.Entry<byte[], byte[]>> page = redis.call(r -> r.hscan(key, at, new ScanParams().count(500)));
            page.getResult().forEach(e -> all.put(e.getKey(), e.getValue()));
            cursor = page.getCursorAsBytes();
        } while (!Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
        return all;
    }

    @Override
    public void write(List<? extends Item> items) {
        List<byte[]> downloads = new ArrayList<>();
        for (Item item : items) {
            if (item instanceof Swarm s) {
                restore(s);
            } else if (item instanceof Downloads d) {
                downloads.add(d.infoHash().bytes());
                downloads.add(ascii(Long.toString(d.count())));
            } else if (item instanceof DataEntries d && !d.entries().isEmpty()) {
                Map<byte[], byte[]> fields = new LinkedHashMap<>();
                d.entries().forEach((k, v) -> fields.put(k.bytes(), v));
                redis.call(r -> r.hset(RedisKeys.data(d.context()), fields));
            }
        }
        for (List<byte[]> slice : slices(downloads)) {
            redis.call(r -> r.eval(RedisScripts.RAISE_DOWNLOADS, List.of(RedisKeys.DOWNLOADS), slice));
        }
    }

    /** A swarm's peers by role and family, each group by one script per slice of peers. */
    private void restore(Swarm swarm) {
        for (boolean seeders : new boolean[] {true, false}) {
            for (boolean v6 : new boolean[] {false, true}) {
                List<byte[]> args = new ArrayList<>();
                for (PeerView p : swarm.peers()) {
                    if (p.seeder() == seeders && p.peer().isV6() == v6) {
                        args.add(RedisKeys.peer(p.peer()));
                        args.add(RedisKeys.nanos(p.lastSeen()));
                    }
                }
                SwarmWrites.Swarms swarms = SwarmWrites.Swarms.of(swarm.infoHash(), seeders, v6);
                for (List<byte[]> slice : slices(args)) {
                    redis.swarmWrites().restore(swarms, slice);
                }
            }
        }
    }

    private static List<List<byte[]>> slices(List<byte[]> args) {
        List<List<byte[]>> slices = new ArrayList<>();
        for (int i = 0; i < args.size(); i += ARGUMENTS_PER_SCRIPT) {
            slices.add(args.subList(i, Math.min(args.size(), i + ARGUMENTS_PER_SCRIPT)));
        }
        return slices;
    }
}
