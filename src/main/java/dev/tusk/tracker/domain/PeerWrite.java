package dev.tusk.tracker.domain;

import java.util.Objects;

/**
 * One peer's latest change, as the write-behind buffer keeps it for the store: put as seeder or
 * leecher (last seen {@code atMillis}), or remove. {@code graduated} says a put as seeder took the
 * peer from leecher to seeder, for stores whose queries change a role only by graduating.
 */
public record PeerWrite(InfoHash infoHash, Peer peer, Kind kind, boolean graduated, long atMillis) {

    public enum Kind { PUT_SEEDER, PUT_LEECHER, REMOVE }

    public PeerWrite {
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean isPut() {
        return kind != Kind.REMOVE;
    }

    public boolean seeder() {
        return kind == Kind.PUT_SEEDER;
    }
}
