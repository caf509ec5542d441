package dev.tusk.tracker.api.udp;

import dev.tusk.platform.threads.ThreadRequestContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The UDP tracker's sockets, one a {@code tracker.udp.address}, each answered by
 * {@code tracker.udp.threads} managed threads that receive a packet, answer it from memory and
 * send the reply (a blocking {@link DatagramChannel} shared by its threads). Started and stopped
 * with the deployment; an address that cannot be bound is logged and the rest go on.
 */
@Singleton
@Startup
@DependsOn("WriteBehind")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UdpTracker {
    private static final Logger LOG = Logger.getLogger(UdpTracker.class.getName());
    private static final int RECEIVE_BUFFER = 4 << 20;
    /** Larger than any request BEP 15 defines (a scrape of 74 hashes is 1,496 bytes). */
    private static final int MAX_REQUEST = 2048;

    @Inject UdpSettings settings;
    @Inject UdpAnswers answers;
    @Resource ManagedThreadFactory threads;
    @Inject Instance<RequestContextController> requestContexts;

    private final List<DatagramChannel> channels = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running = true;

    @PostConstruct
    void start() {
        for (InetSocketAddress address : settings.addresses()) {
            DatagramChannel channel;
            try {
                channel = open(address);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "UDP tracker not listening on {0}: {1}", new Object[] {address, e.toString()});
                continue;
            }
            channels.add(channel);
            for (int i = 0; i < settings.threads(); i++) {
                Thread t = threads.newThread(ThreadRequestContext.around(requestContexts, () -> serve(channel)));
                t.setName("tusk-tracker-udp-" + address.getPort() + "-" + i);
                workers.add(t);
                t.start();
            }
            LOG.log(Level.INFO, "UDP tracker listening on {0}", channel.socket().getLocalSocketAddress());
        }
    }

    private static DatagramChannel open(InetSocketAddress address) throws IOException {
        StandardProtocolFamily family = address.getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        DatagramChannel channel = DatagramChannel.open(family);
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            channel.bind(address);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void serve(DatagramChannel channel) {
        ByteBuffer in = ByteBuffer.allocateDirect(MAX_REQUEST);
        ByteBuffer out = ByteBuffer.allocateDirect(UdpAnswers.MAX_REPLY);
        while (running) {
            try {
                in.clear();
                InetSocketAddress from = (InetSocketAddress) channel.receive(in);
                in.flip();
                out.clear();
                if (answers.answer(in, from.getAddress(), out)) {
                    out.flip();
                    channel.send(out, from);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // one packet's failure (an unreachable client, a bug) never stops the socket
                LOG.log(Level.WARNING, "UDP tracker packet failed: {0}", e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        for (DatagramChannel c : channels) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing a UDP socket", e);
            }
        }
        for (Thread t : workers) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
