package dev.tusk.platform.rest;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import jakarta.servlet.ServletContext;
import java.util.Set;

/**
 * Requests the servlet layer would fail on with an internal error, answered 400 with a problem
 * body before they get there:
 * <ul>
 * <li>a malformed percent-escape in the URL ({@code %zz}, a lone {@code %}): the listener leaves
 * URLs undecoded (the tracker decodes its raw bytes itself, with bencoded failures), and JAX-RS
 * fails on them; the tracker's own paths are left to the tracker;</li>
 * <li>a control character in a {@code Cookie} header, which Undertow's cookie parsing throws on
 * while the request is set up (Tusk uses no cookies).</li>
 * </ul>
 * Registered as an Undertow {@link ServletExtension} (META-INF/services).
 */
public class MalformedRequestGuard implements ServletExtension {
    private static final Set<String> TRACKER_PATHS = Set.of("/announce", "/scrape");

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(next -> new Handler(next));
    }

    /** Whether every {@code %} in {@code text} starts a two-digit hexadecimal escape. */
    static boolean wellEscaped(String text) {
        if (text == null) {
            return true;
        }
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 3)) {
            if (i + 2 >= text.length() || !hex(text.charAt(i + 1)) || !hex(text.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a Cookie header value has a control character (CTL in RFC 6265). */
    static boolean controlCharacters(String cookie) {
        return cookie != null && cookie.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private record Handler(HttpHandler next) implements HttpHandler {
        @Override
        public void handleRequest(HttpServerExchange exchange) throws Exception {
            if (!TRACKER_PATHS.contains(exchange.getRelativePath())
                    && !(wellEscaped(exchange.getRequestURI()) && wellEscaped(exchange.getQueryString()))) {
                UndertowProblems.send(exchange, 400, "the URL has a malformed percent-escape (a % not followed by two hexadecimal digits)");
                return;
            }
            HeaderValues cookies = exchange.getRequestHeaders().get(Headers.COOKIE);
            if (cookies != null && cookies.stream().anyMatch(MalformedRequestGuard::controlCharacters)) {
                UndertowProblems.send(exchange, 400, "a Cookie header has a control character");
                return;
            }
            next.handleRequest(exchange);
        }
    }
}
