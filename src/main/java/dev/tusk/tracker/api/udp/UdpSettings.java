package dev.tusk.tracker.api.udp;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The UDP tracker's settings: {@code tracker.udp.address} (addresses to listen on, comma
 * separated, {@code host:port} or {@code [v6]:port}; empty turns UDP off),
 * {@code tracker.udp.threads} (threads answering each socket) and {@code tracker.udp.secret}
 * (the connection ids' key, at least 16 characters; the same on every node of a cluster so a
 * client may connect to one node and announce to another; random at each start when unset).
 */
@ApplicationScoped
public class UdpSettings {

    @Inject @ConfigProperty(name = "tracker.udp.address") Optional<String> address;
    @Inject @ConfigProperty(name = "tracker.udp.threads") int threads;
    @Inject @ConfigProperty(name = "tracker.udp.secret") Optional<String> secret;

    private List<InetSocketAddress> addresses;
    private byte[] key;

    /** Parsed once, so that a wrong value stops the deployment with the key's name. */
    @PostConstruct
    void parse() {
        addresses = parseAddresses(address.orElse(""));
        if (threads < 1) {
            throw new IllegalStateException("tracker.udp.threads must be at least 1");
        }
        String s = secret.map(String::trim).orElse("");
        if (s.isEmpty()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        } else if (s.length() < 16) {
            throw new IllegalStateException("tracker.udp.secret must be at least 16 characters");
        } else {
            key = s.getBytes(StandardCharsets.UTF_8);
        }
    }

    static List<InetSocketAddress> parseAddresses(String value) {
        List<InetSocketAddress> list = new ArrayList<>();
        for (String part : value.split(",")) {
            String a = part.trim();
            if (a.isEmpty()) {
                continue;
            }
            int colon = a.lastIndexOf(':');
            String host = colon > 0 ? a.substring(0, colon) : "";
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                int port = Integer.parseInt(a.substring(colon + 1));
                if (host.isEmpty() || port < 0 || port > 65535) {
                    throw new IllegalArgumentException();
                }
                list.add(new InetSocketAddress(host, port));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("tracker.udp.address: " + a + " is not host:port or [v6 address]:port");
            }
        }
        return List.copyOf(list);
    }

    /** Empty when the UDP tracker is off. */
    public List<InetSocketAddress> addresses() {
        return addresses;
    }

    public int threads() {
        return threads;
    }

    byte[] secret() {
        return key.clone();
    }
}
