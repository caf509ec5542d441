package dev.tusk.tracker.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A peer in a swarm: its id and the endpoint other peers connect to. IPv4-mapped IPv6
 * addresses are stored as IPv4, so one host has one identity whichever socket it came from.
 */
public record Peer(PeerId id, InetAddress address, int port) {

    public Peer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(address, "address");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a port is 1 to 65535");
        }
        address = canonical(address);
    }

    public boolean isV6() {
        return address instanceof Inet6Address;
    }

    /** 4 or 16 raw address bytes. */
    public byte[] addressBytes() {
        return address.getAddress();
    }

    /** The address a peer is known by: an IPv4-mapped IPv6 address as IPv4, any other as it is. */
    public static InetAddress canonical(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            mapped &= b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            if (mapped) {
                try {
                    return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }
}
