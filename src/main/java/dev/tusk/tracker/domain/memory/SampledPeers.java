package dev.tusk.tracker.domain.memory;

import dev.tusk.tracker.domain.CompactPeers;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The peers chosen for one announce: their compact forms per family and their ids, copied from
 * the swarm's packed arrays while its monitor was held. As a list, each peer is made when asked
 * for (a non-compact reply, a test); a compact reply only copies the bytes. Immutable once
 * returned.
 */
final class SampledPeers extends AbstractList<Peer> implements CompactPeers, RandomAccess {
    private final int capacity;
    private final byte[] ids;
    /** Per chosen peer: its family (0 IPv4, 1 IPv6) and where its compact form starts. */
    private final byte[] families;
    private final int[] offsets;
    private final byte[][] bytes = new byte[2][];
    private final int[] lengths = new int[2];
    private int size;

    /**
     * @param withIds whether the peers' ids are kept: only a reply that lists them needs them, and
     *                reading them is most of the memory a sample touches (a compact or UDP reply
     *                has addresses and ports only)
     */
    SampledPeers(int capacity, boolean withIds) {
        this.capacity = Math.max(capacity, 0);
        ids = withIds ? new byte[this.capacity * PeerId.LENGTH] : null;
        families = new byte[this.capacity];
        offsets = new int[this.capacity];
    }

    boolean keepsIds() {
        return ids != null;
    }

    /**
     * Adds {@code count} peers whose compact forms stand one after the other: one copy, for a
     * sample that keeps no ids (and is never read peer by peer).
     */
    void addCompact(byte[] compact, int at, int count, int width) {
        if (count <= 0) {
            return;
        }
        int family = family(width);
        System.arraycopy(compact, at, bytes[family], lengths[family], count * width);
        lengths[family] += count * width;
        size += count;
    }

    /** The family of compact forms {@code width} bytes long (0 IPv4, 1 IPv6), its array made on first use. */
    private int family(int width) {
        int family = width == CompactPeers.width(true) ? 1 : 0;
        if (bytes[family] == null) {
            bytes[family] = new byte[capacity * width];
        }
        return family;
    }

    void add(byte[] compact, int at, int width, byte[] keys, int idAt) {
        int family = family(width);
        System.arraycopy(compact, at, bytes[family], lengths[family], width);
        if (ids != null) {
            System.arraycopy(keys, idAt, ids, size * PeerId.LENGTH, PeerId.LENGTH);
        }
        families[size] = (byte) family;
        offsets[size] = lengths[family];
        lengths[family] += width;
        size++;
    }

    @Override
    public Peer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        if (ids == null) {
            throw new IllegalStateException("peers sampled for a compact reply have no ids; use compact(v6)");
        }
        int family = families[index];
        byte[] from = bytes[family];
        int at = offsets[index];
        int addressLength = family == 1 ? 16 : 4;
        int port = (from[at + addressLength] & 0xff) << 8 | (from[at + addressLength + 1] & 0xff);
        try {
            InetAddress address = InetAddress.getByAddress(Arrays.copyOfRange(from, at, at + addressLength));
            PeerId id = PeerId.of(Arrays.copyOfRange(ids, index * PeerId.LENGTH, (index + 1) * PeerId.LENGTH));
            return new Peer(id, address, port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public byte[] compact(boolean v6) {
        int family = v6 ? 1 : 0;
        return bytes[family] == null ? new byte[0] : Arrays.copyOf(bytes[family], lengths[family]);
    }
}
