package dev.tusk.platform.security;

import dev.tusk.platform.config.GoDuration;
import dev.tusk.platform.rest.UndertowProblems;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stands in front of WildFly's security for {@code /api/admin/*}: an {@code Authorization: Basic}
 * header that is not Base64 is answered 401 with a challenge (Elytron would fail with a 500), and a
 * client address with too many failed logins is answered 429 with {@code Retry-After} until its
 * lockout is over ({@link LoginFailures}), without its credentials being checked. Registered as an
 * Undertow {@link ServletExtension} (META-INF/services); settings {@code tusk.admin.login.*}.
 */
public class AdminLoginGuard implements ServletExtension {
    static final String PATH = "/api/admin";
    private static final Logger LOG = Logger.getLogger(AdminLoginGuard.class.getName());
    private static final String CHALLENGE = "Basic realm=\"Tusk\"";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        Config config = ConfigProvider.getConfig(deployment.getClassLoader());
        int maxFailures = config.getValue("tusk.admin.login.max_failures", Integer.class);
        Duration lockout = GoDuration.parse(config.getValue("tusk.admin.login.lockout", String.class));
        LoginFailures failures = new LoginFailures(maxFailures, lockout, 100_000, System::nanoTime);
        deployment.addInitialHandlerChainWrapper(next -> new Handler(next, failures, lockout));
    }

    /** Whether an {@code Authorization} header of the Basic scheme is not Base64 of user:password (other schemes are left to the server). */
    static boolean malformedBasic(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("basic")) {
            return false;
        }
        String credentials = authorization.substring(5).trim();
        if (credentials.isEmpty() || (authorization.length() > 5 && authorization.charAt(5) != ' ')) {
            return true;
        }
        try {
            return new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8).indexOf(':') < 0;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    static final class Handler implements HttpHandler {
        private final HttpHandler next;
        private final LoginFailures failures;
        private final Duration lockout;

        Handler(HttpHandler next, LoginFailures failures, Duration lockout) {
            this.next = next;
            this.failures = failures;
            this.lockout = lockout;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            String path = exchange.getRelativePath();
            if (!(path.equals(PATH) || path.startsWith(PATH + "/"))) {
                next.handleRequest(exchange);
                return;
            }
            String address = exchange.getSourceAddress().getAddress().getHostAddress();
            Optional<Duration> refused = failures.refusedFor(address);
            if (refused.isPresent()) {
                long seconds = Math.max(1, (refused.get().toMillis() + 999) / 1000);
                exchange.getResponseHeaders().put(Headers.RETRY_AFTER, seconds);
                UndertowProblems.send(exchange, 429, "too many failed logins from this address; try again in " + seconds + " s");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            if (malformedBasic(authorization)) {
                failed(address);
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, CHALLENGE);
                UndertowProblems.send(exchange, 401, "the Basic credentials are not Base64 of user:password");
                return;
            }
            if (authorization != null) {
                // counted before the response leaves: the client cannot try again before its failure is known
                exchange.addResponseCommitListener(committed -> {
                    int status = committed.getStatusCode();
                    if (status == 401) {
                        failed(address);
                    } else if (status != 403 && status < 500) {
                        failures.succeeded(address);
                    }
                });
            }
            next.handleRequest(exchange);
        }

        private void failed(String address) {
            if (failures.failed(address)) {
                LOG.info(() -> "admin logins from " + address + " are refused for " + lockout.toSeconds() + " s after repeated failures");
            }
        }
    }
}
