package dev.tusk.tracker.domain;

/** A peer's self-chosen 20-byte id. Immutable; equal by content. */
public final class PeerId extends RawBytes implements Comparable<PeerId> {
    public static final int LENGTH = 20;

    private PeerId(byte[] bytes) {
        super(bytes);
    }

    public static PeerId of(byte[] raw) {
        if (raw == null || raw.length != LENGTH) {
            throw new IllegalArgumentException("a peer id is 20 bytes");
        }
        return new PeerId(raw.clone());
    }

    /** As unsigned bytes (the order the write-behind sorts a batch in). */
    @Override
    public int compareTo(PeerId other) {
        return compareBytes(other);
    }
}
