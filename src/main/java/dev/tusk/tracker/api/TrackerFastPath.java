package dev.tusk.tracker.api;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Response;
import java.nio.ByteBuffer;

/**
 * The tracker's lean HTTP path: {@code GET /announce} and {@code GET /scrape} are answered by an
 * Undertow handler in front of the servlet chain, so a BitTorrent client's request skips what it
 * does not need (servlet request set-up, CDI request context, security handlers, JAX-RS
 * dispatch); every other request goes on to the servlet chain. A request answered from memory
 * (its swarms and their approval in memory) is answered on the I/O thread that read it, as
 * opentracker does, without a hand-over to a worker thread; one that needs the store is
 * dispatched to a worker. Registered as an Undertow
 * {@link ServletExtension} (META-INF/services).
 */
public class TrackerFastPath implements ServletExtension {
    static final String CONTENT_TYPE = "text/plain";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        ClassLoader loader = deployment.getClassLoader();
        deployment.addInitialHandlerChainWrapper(next -> new Handler(next, loader));
    }

    /** A bencoded body as the JAX-RS resources answer it. */
    static Response bencoded(byte[] body) {
        return Response.ok(body, CONTENT_TYPE).build();
    }

    static final class Handler implements HttpHandler {
        private final HttpHandler next;
        private final ClassLoader loader;
        private volatile TrackerEndpoints endpoints;

        Handler(HttpHandler next, ClassLoader loader) {
            this.next = next;
            this.loader = loader;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            String path = exchange.getRelativePath();
            boolean announce = "/announce".equals(path);
            if (!(announce || "/scrape".equals(path)) || !Methods.GET.equals(exchange.getRequestMethod())) {
                next.handleRequest(exchange);
                return;
            }
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            byte[] body;
            try {
                TrackerEndpoints answer = endpoints();
                TrackerEndpoints.Query query = TrackerEndpoints.Query.of(exchange.getQueryString());
                if (exchange.isInIoThread() && !answer.answersFromMemory(query, announce)) {
                    // a store round trip (a swarm or an approval not in memory): never on an I/O thread
                    exchange.dispatch(this);
                    return;
                }
                body = announce
                        ? answer.announce(query, exchange.getSourceAddress().getAddress().getHostAddress(),
                                name -> exchange.getRequestHeaders().getFirst(name))
                        : answer.scrape(query);
            } finally {
                thread.setContextClassLoader(before);
            }
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
            exchange.getResponseSender().send(ByteBuffer.wrap(body));
        }

        /** Looked up once (the request threads are Undertow's; the caller sets the deployment's class loader). */
        private TrackerEndpoints endpoints() {
            TrackerEndpoints e = endpoints;
            if (e == null) {
                e = CDI.current().select(TrackerEndpoints.class).get();
                endpoints = e;
            }
            return e;
        }
    }
}
