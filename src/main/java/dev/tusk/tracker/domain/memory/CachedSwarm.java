package dev.tusk.tracker.domain.memory;

import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.PeerWrite;
import dev.tusk.tracker.domain.SwarmCounts;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One swarm in memory, packed: no object per peer. Each peer is an entry number in parallel
 * arrays (its key as the stores key it: peer id, port, family and address bytes; its key's hash;
 * when it was last seen; its role and family's list and its position there), found through an
 * open-addressing table of entry numbers; the same peers sit in four {@link PeerList}s by role
 * and family for sampling. Entries stay dense: a removed entry's place is taken by the last one.
 * Adding a peer writes into primitive arrays only, so the collector has no new object to copy
 * and no old-to-young reference to scan. Not thread-safe: {@link SwarmCache} holds the swarm's
 * monitor around every use.
 */
final class CachedSwarm {
    private static final int ID = PeerId.LENGTH;
    /** Key layout: peer id, port (2 bytes), family (1: 4 or 16), address (16 bytes, IPv4 in the first 4). */
    private static final int PORT_AT = ID;
    private static final int FAMILY_AT = ID + 2;
    private static final int ADDRESS_AT = ID + 3;
    private static final int KEY = ADDRESS_AT + 16;
    private static final int INITIAL = 4;

    final InfoHash infoHash;
    private byte[] keys = new byte[INITIAL * KEY];
    private int[] hashes = new int[INITIAL];
    private long[] lastSeen = new long[INITIAL];
    /** The entry's list: seeders 2, leechers 0; plus 1 for IPv6. */
    private byte[] listOf = new byte[INITIAL];
    private int[] positions = new int[INITIAL];
    private int size;
    /** Entry number + 1 by spread hash, linear probing, 0 when free; at most half full. */
    private int[] table = new int[INITIAL * 2];
    private final PeerList[] lists = {new PeerList(false), new PeerList(true), new PeerList(false), new PeerList(true)};
    private long downloads;
    /** Filled from the store (or found empty there); until then it holds nothing. */
    boolean loaded;
    /** Taken out of the cache: a holder of a stale reference looks the swarm up again. */
    boolean evicted;
    volatile long lastAccessMillis;

    CachedSwarm(InfoHash infoHash) {
        this.infoHash = infoHash;
    }

    private static int listIndex(boolean seeder, boolean v6) {
        return (seeder ? 2 : 0) + (v6 ? 1 : 0);
    }

    private static boolean isSeederList(int list) {
        return list >= 2;
    }

    private PeerList list(boolean seeder, boolean v6) {
        return lists[listIndex(seeder, v6)];
    }

    /** A peer's key hash, the same whether computed from the peer or from its stored key. */
    private static int hash(PeerId id, byte[] address, int port) {
        int h = id.hashCode() * 31 + port;
        for (byte b : address) {
            h = h * 31 + b;
        }
        return h ^ (h >>> 16);
    }

    /** The entry of a peer, or -1. */
    private int find(Peer peer, byte[] address, int hash) {
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = table[slot] - 1;
            if (entry < 0) {
                return -1;
            }
            if (hashes[entry] == hash && matches(entry, peer, address)) {
                return entry;
            }
        }
    }

    private boolean matches(int entry, Peer peer, byte[] address) {
        int at = entry * KEY;
        return peer.id().matches(keys, at)
                && keys[at + PORT_AT] == (byte) (peer.port() >>> 8) && keys[at + PORT_AT + 1] == (byte) peer.port()
                && keys[at + FAMILY_AT] == address.length
                && Arrays.equals(keys, at + ADDRESS_AT, at + ADDRESS_AT + address.length, address, 0, address.length);
    }

    private int entryOf(Peer peer) {
        byte[] address = peer.addressBytes();
        return find(peer, address, hash(peer.id(), address, peer.port()));
    }

    /**
     * Adds or refreshes a peer in a role (leaving the other role).
     *
     * @return the peer's role before: null when it was not in the swarm
     */
    Boolean put(Peer peer, boolean seeder, long lastSeenMillis) {
        byte[] address = peer.addressBytes();
        int hash = hash(peer.id(), address, peer.port());
        int entry = find(peer, address, hash);
        if (entry < 0) {
            insert(peer, address, hash, seeder, lastSeenMillis);
            return null;
        }
        boolean before = isSeederList(listOf[entry]);
        if (before != seeder) {
            leaveList(entry);
            joinList(entry, listIndex(seeder, peer.isV6()), peer.id().hashCode(), address, peer.port());
        }
        lastSeen[entry] = Math.max(lastSeen[entry], lastSeenMillis);
        return before;
    }

    private void insert(Peer peer, byte[] address, int hash, boolean seeder, long lastSeenMillis) {
        if (size == hashes.length) {
            grow(size * 2);
        }
        if ((size + 1) * 2 > table.length) {
            rebuildTable(table.length * 2);
        }
        int entry = size++;
        int at = entry * KEY;
        Arrays.fill(keys, at, at + KEY, (byte) 0);
        peer.id().copyTo(keys, at);
        keys[at + PORT_AT] = (byte) (peer.port() >>> 8);
        keys[at + PORT_AT + 1] = (byte) peer.port();
        keys[at + FAMILY_AT] = (byte) address.length;
        System.arraycopy(address, 0, keys, at + ADDRESS_AT, address.length);
        hashes[entry] = hash;
        lastSeen[entry] = lastSeenMillis;
        joinList(entry, listIndex(seeder, peer.isV6()), peer.id().hashCode(), address, peer.port());
        place(entry);
    }

    private void joinList(int entry, int list, int idHash, byte[] address, int port) {
        listOf[entry] = (byte) list;
        positions[entry] = lists[list].add(entry, idHash, address, port);
    }

    private void leaveList(int entry) {
        int moved = lists[listOf[entry]].remove(positions[entry]);
        if (moved >= 0) {
            positions[moved] = positions[entry];
        }
    }

    /** Puts an entry into the table at its hash's first free slot. */
    private void place(int entry) {
        int mask = table.length - 1;
        int slot = hashes[entry] & mask;
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = entry + 1;
    }

    private int slotOf(int entry) {
        int mask = table.length - 1;
        int slot = hashes[entry] & mask;
        while (table[slot] != entry + 1) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow(int capacity) {
        keys = Arrays.copyOf(keys, capacity * KEY);
        hashes = Arrays.copyOf(hashes, capacity);
        lastSeen = Arrays.copyOf(lastSeen, capacity);
        listOf = Arrays.copyOf(listOf, capacity);
        positions = Arrays.copyOf(positions, capacity);
    }

    private void rebuildTable(int capacity) {
        table = new int[capacity];
        for (int entry = 0; entry < size; entry++) {
            place(entry);
        }
    }

    /** Removes an entry: out of the table (backward shift), out of its list, the last entry into its place. */
    private void removeEntry(int entry) {
        unplace(slotOf(entry));
        leaveList(entry);
        int last = --size;
        if (entry != last) {
            int lastSlot = slotOf(last);
            System.arraycopy(keys, last * KEY, keys, entry * KEY, KEY);
            hashes[entry] = hashes[last];
            lastSeen[entry] = lastSeen[last];
            listOf[entry] = listOf[last];
            positions[entry] = positions[last];
            lists[listOf[entry]].renumber(positions[entry], entry);
            table[lastSlot] = entry + 1;
        }
        if (hashes.length > INITIAL * 4 && size < hashes.length / 4) {
            grow(hashes.length / 2);
            rebuildTable(table.length / 2);
        }
    }

    /** Frees a slot and shifts back the entries after it that probed past it. */
    private void unplace(int slot) {
        int mask = table.length - 1;
        int hole = slot;
        table[hole] = 0;
        for (int next = (hole + 1) & mask; table[next] != 0; next = (next + 1) & mask) {
            int home = hashes[table[next] - 1] & mask;
            boolean stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays) {
                table[hole] = table[next];
                table[next] = 0;
                hole = next;
            }
        }
    }

    /** Takes the store's word for a peer unless this swarm has seen it later. @return the change in size */
    int merge(Peer peer, boolean seeder, long lastSeenMillis) {
        int entry = entryOf(peer);
        if (entry >= 0 && lastSeen[entry] >= lastSeenMillis) {
            return 0;
        }
        return put(peer, seeder, lastSeenMillis) == null ? 1 : 0;
    }

    /** @return the peer's role before: null when it was not in the swarm */
    Boolean remove(Peer peer) {
        int entry = entryOf(peer);
        if (entry < 0) {
            return null;
        }
        boolean seeder = isSeederList(listOf[entry]);
        removeEntry(entry);
        return seeder;
    }

    /** Whether the peer is here in that role. */
    /** The peer's role here (absent, seeder or leecher). */
    PeerWrite.Role roleOf(Peer peer) {
        int entry = entryOf(peer);
        if (entry < 0) {
            return PeerWrite.Role.ABSENT;
        }
        return isSeederList(listOf[entry]) ? PeerWrite.Role.SEEDER : PeerWrite.Role.LEECHER;
    }

    boolean has(Peer peer, boolean seeder) {
        int entry = entryOf(peer);
        return entry >= 0 && isSeederList(listOf[entry]) == seeder;
    }

    /** Whether the entry's peer id is {@code id}. */
    boolean hasId(int entry, PeerId id) {
        return id.matches(keys, entry * KEY);
    }

    /** The packed keys (valid while the monitor is held) and where an entry's id starts in them. */
    byte[] keys() {
        return keys;
    }

    int idOffset(int entry) {
        return entry * KEY;
    }

    /**
     * Candidates of one family for an announcer, as a store's announce query gives them: leechers
     * for a seeder; seeders, then leechers, for a leecher. Each list is sampled from a random start.
     */
    List<Peer> candidates(boolean forSeeder, boolean v6, int limit, int randomStart) {
        SampledPeers out = new SampledPeers(limit, true);
        addCandidates(out, forSeeder, v6, limit, randomStart, null);
        return out;
    }

    /**
     * The peers an announcer receives (the rules of {@code PeerSelector}): its own family's
     * candidates first, then the other family's, never a peer with the announcer's id; their ids
     * only when {@code peerIds}.
     */
    SampledPeers choose(Peer announcer, boolean announcerIsSeeder, int numWant, int randomStart, boolean peerIds) {
        SampledPeers out = new SampledPeers(numWant, peerIds);
        boolean v6 = announcer.isV6();
        addCandidates(out, announcerIsSeeder, v6, numWant, randomStart, announcer.id());
        addCandidates(out, announcerIsSeeder, !v6, numWant, randomStart, announcer.id());
        return out;
    }

    private void addCandidates(SampledPeers out, boolean forSeeder, boolean v6, int limit, int randomStart, PeerId skip) {
        if (!forSeeder) {
            list(true, v6).sample(limit, randomStart, skip, this, out);
        }
        list(false, v6).sample(limit, randomStart, skip, this, out);
    }

    SwarmCounts counts() {
        return new SwarmCounts(list(true, false).size() + list(true, true).size(),
                list(false, false).size() + list(false, true).size(), downloads);
    }

    int size() {
        return size;
    }

    long downloads() {
        return downloads;
    }

    void addDownloads(long n) {
        downloads += n;
    }

    void setDownloads(long n) {
        downloads = n;
    }

    /** Removes the peers last seen at or before the cutoff; @return how many. */
    int removeSeenAtOrBefore(long cutoffMillis) {
        int removed = 0;
        // from the end: the entry moved into a removed one's place was checked already
        for (int entry = size - 1; entry >= 0; entry--) {
            if (entry < size && lastSeen[entry] <= cutoffMillis) {
                removeEntry(entry);
                removed++;
            }
        }
        return removed;
    }

    /** The peers themselves, for replacing the swarm with a store's complete view. */
    List<Peer> peerKeys() {
        List<Peer> peers = new ArrayList<>(size);
        for (int entry = 0; entry < size; entry++) {
            peers.add(peer(entry));
        }
        return peers;
    }

    private Peer peer(int entry) {
        int at = entry * KEY;
        int length = keys[at + FAMILY_AT];
        int port = (keys[at + PORT_AT] & 0xff) << 8 | (keys[at + PORT_AT + 1] & 0xff);
        try {
            return new Peer(PeerId.of(Arrays.copyOfRange(keys, at, at + ID)),
                    InetAddress.getByAddress(Arrays.copyOfRange(keys, at + ADDRESS_AT, at + ADDRESS_AT + length)), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }
}
