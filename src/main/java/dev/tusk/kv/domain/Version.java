package dev.tusk.kv.domain;

import java.util.Comparator;
import java.util.Objects;

/**
 * A write's version: its timestamp in microseconds since the epoch and the shard instance that
 * wrote it. Versions are totally ordered by (ts, origin), so replicas that see the same writes in
 * any order keep the same one.
 */
public record Version(long ts, String origin) implements Comparable<Version> {
    private static final Comparator<Version> ORDER = Comparator.comparingLong(Version::ts).thenComparing(Version::origin);

    public Version {
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public int compareTo(Version o) {
        return ORDER.compare(this, o);
    }

    public boolean isNewerThan(Version o) {
        return compareTo(o) > 0;
    }

    /** As an HTTP entity tag and in problem bodies: {@code ts-origin}. */
    @Override
    public String toString() {
        return ts + "-" + origin;
    }
}
