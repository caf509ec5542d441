package dev.tusk.tracker.domain.memory;

import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Info hashes and peers for the cache's tests. */
final class MemoryFixtures {
    private MemoryFixtures() {
    }

    static InfoHash hash(int n) {
        byte[] b = new byte[20];
        Arrays.fill(b, (byte) n);
        return InfoHash.of(b);
    }

    static Peer peer(String address, int n) {
        byte[] id = new byte[20];
        Arrays.fill(id, (byte) n);
        try {
            return new Peer(PeerId.of(id), InetAddress.getByName(address), 1000 + n);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
