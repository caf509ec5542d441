package dev.tusk.tracker.api.udp;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * BEP 15's connection ids without state: the first 8 bytes of an HMAC-SHA256, under a secret, of
 * the client's address and the minute it connected. An id is accepted in that minute and the
 * next two, so a client may use it for two minutes at least (BEP 15) and three at most; a
 * spoofed source never sees its id and cannot announce. Nodes with the same secret accept each
 * other's ids. Thread-safe.
 */
public final class ConnectionIds {
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** The window an id was issued in and the ones after it that still accept it. */
    static final int WINDOWS_ACCEPTED = 3;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Clock clock;
    private final ThreadLocal<Mac> macs;

    public ConnectionIds(byte[] secret, Clock clock) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the connection id secret is at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A new id for a client at this address. */
    public long issue(InetAddress client) {
        return idFor(client, window());
    }

    public boolean isValid(long connectionId, InetAddress client) {
        long now = window();
        for (int i = 0; i < WINDOWS_ACCEPTED; i++) {
            if (idFor(client, now - i) == connectionId) {
                return true;
            }
        }
        return false;
    }

    /** The id of a client connecting in the given window (minutes since the epoch). */
    long idFor(InetAddress client, long window) {
        Mac mac = macs.get();
        byte[] address = client.getAddress();
        ByteBuffer input = ByteBuffer.allocate(8 + address.length).putLong(window).put(address);
        return ByteBuffer.wrap(mac.doFinal(input.array())).getLong();
    }

    private long window() {
        return clock.millis() / WINDOW.toMillis();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        }
    }
}
