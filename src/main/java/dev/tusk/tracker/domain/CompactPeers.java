package dev.tusk.tracker.domain;

/**
 * Peers that hold their compact wire form, so that a reply copies bytes instead of reading each
 * peer: BEP 23's 6 bytes an IPv4 peer and BEP 7's 18 bytes an IPv6 peer (address, then port,
 * big-endian), the form both the HTTP and the UDP tracker protocols hand peers out in.
 */
public interface CompactPeers {

    /** The peers of one family, in the order they are listed, 6 or 18 bytes each. */
    byte[] compact(boolean v6);

    /** One peer's compact form written into {@code into} at {@code at}; {@code into} has room. */
    static void write(Peer peer, byte[] into, int at) {
        byte[] address = peer.addressBytes();
        System.arraycopy(address, 0, into, at, address.length);
        into[at + address.length] = (byte) (peer.port() >>> 8);
        into[at + address.length + 1] = (byte) peer.port();
    }

    /** The compact form's size of one peer of a family. */
    static int width(boolean v6) {
        return v6 ? 18 : 6;
    }
}
