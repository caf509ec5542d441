package dev.tusk.tracker.domain;

import java.util.Objects;

/**
 * One peer's latest change, as the write-behind buffer keeps it for the store: put as seeder or
 * leecher (last seen {@code atMillis}), or remove. {@code graduated} says a put as seeder took the
 * peer from leecher to seeder, for stores whose queries change a role only by graduating.
 * {@code before} is the peer's role in the store before the change (before the first of the
 * changes coalesced into this one), so that a batch says what it does to the store's totals.
 */
public record PeerWrite(InfoHash infoHash, Peer peer, Kind kind, boolean graduated, long atMillis, Role before) {

    public enum Kind { PUT_SEEDER, PUT_LEECHER, REMOVE }

    /** A peer's place in a swarm. */
    public enum Role { ABSENT, SEEDER, LEECHER }

    public PeerWrite {
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
    }

    public boolean isPut() {
        return kind != Kind.REMOVE;
    }

    public boolean seeder() {
        return kind == Kind.PUT_SEEDER;
    }

    /** The peer's role once the change is made. */
    public Role after() {
        return switch (kind) {
            case PUT_SEEDER -> Role.SEEDER;
            case PUT_LEECHER -> Role.LEECHER;
            case REMOVE -> Role.ABSENT;
        };
    }

    /** What the change adds to the store's seeders (-1, 0 or 1). */
    public int seedersDelta() {
        return (after() == Role.SEEDER ? 1 : 0) - (before == Role.SEEDER ? 1 : 0);
    }

    /** What the change adds to the store's leechers (-1, 0 or 1). */
    public int leechersDelta() {
        return (after() == Role.LEECHER ? 1 : 0) - (before == Role.LEECHER ? 1 : 0);
    }

    /** This change coalesced with an earlier one the store has not had: the store's role is the earlier's. */
    public PeerWrite following(PeerWrite earlier) {
        return earlier.before == before ? this : new PeerWrite(infoHash, peer, kind, graduated, atMillis, earlier.before);
    }
}
