package dev.tusk.tracker.infrastructure.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tusk.testing.Deployments;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.Peer;
import dev.tusk.tracker.domain.PeerId;
import dev.tusk.tracker.domain.StoreUnavailableException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Redis store over TLS: a real redis-server with only a TLS port and a certificate made
 * here; Tusk trusting it (tracker.redis.tls_truststore) works, the JVM's default trust refuses it.
 */
@ExtendWith(ArquillianExtension.class)
class RedisTlsIT {
    private static final int PORT = 6398;

    @Deployment
    static WebArchive deployment() {
        return Deployments.tusk(RedisTlsIT.class, ManualRedisConnection.class);
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }

    @Test
    void theStoreTalksTlsToARedisItTrusts() throws Exception {
        Path dir = Files.createTempDirectory("tusk-redis-tls");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", "redis.key", "-out", "redis.crt");
        run(dir, "keytool", "-importcert", "-noprompt", "-alias", "redis", "-file", "redis.crt", "-keystore", "trust.p12",
                "-storetype", "PKCS12", "-storepass", "changeit");
        Process redis = new ProcessBuilder("redis-server", "--port", "0", "--tls-port", Integer.toString(PORT), "--bind", "127.0.0.1",
                "--tls-cert-file", dir.resolve("redis.crt").toString(), "--tls-key-file", dir.resolve("redis.key").toString(),
                "--tls-auth-clients", "no", "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                try (Socket s = new Socket("127.0.0.1", PORT)) {
                    return true;
                }
            });
            RedisConnection trusted = ManualRedisConnection.open("127.0.0.1:" + PORT, true, dir.resolve("trust.p12").toString(), null);
            RedisPeerStore store = new RedisPeerStore();
            store.redis = trusted;
            InfoHash swarm = InfoHash.of(new byte[20]);
            store.putSeeder(swarm, new Peer(PeerId.of(new byte[20]), InetAddress.getByName("10.8.0.1"), 6881));
            assertThat(store.scrapeSwarm(swarm).seeders()).isEqualTo(1);
            trusted.close();

            RedisConnection untrusted = ManualRedisConnection.open("127.0.0.1:" + PORT, true, null, null);
            RedisPeerStore refused = new RedisPeerStore();
            refused.redis = untrusted;
            assertThatThrownBy(refused::ping).isInstanceOf(StoreUnavailableException.class);
            untrusted.close();
        } finally {
            redis.destroyForcibly();
        }
    }
}
