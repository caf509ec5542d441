package dev.tusk.tracker.domain.memory;

import dev.tusk.tracker.domain.CompactPeers;
import dev.tusk.tracker.domain.Peer;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The peers chosen for one announce, as a list (each peer read only when asked for, e.g. for a
 * non-compact reply) and in compact form per family, copied from the swarm's packed lists while
 * its monitor was held. Immutable once returned.
 */
final class SampledPeers extends AbstractList<Peer> implements CompactPeers, RandomAccess {
    private final CachedPeer[] chosen;
    private int size;
    private final byte[][] bytes = new byte[2][];
    private final int[] lengths = new int[2];

    SampledPeers(int capacity) {
        chosen = new CachedPeer[Math.max(capacity, 0)];
    }

    void add(CachedPeer entry, byte[] compact, int at, int width) {
        chosen[size++] = entry;
        int family = width == CompactPeers.width(true) ? 1 : 0;
        if (bytes[family] == null) {
            bytes[family] = new byte[chosen.length * width];
        }
        System.arraycopy(compact, at, bytes[family], lengths[family], width);
        lengths[family] += width;
    }

    @Override
    public Peer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return chosen[index].peer;
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
