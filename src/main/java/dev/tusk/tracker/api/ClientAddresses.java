package dev.tusk.tracker.api;

import dev.tusk.tracker.application.TrackerRefusal;
import dev.tusk.tracker.application.TrackerSettings;
import dev.tusk.tracker.domain.IpLiteral;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;

/**
 * The announcer's address: the socket's, or the first entry of the configured real-IP header
 * (a comma list such as X-Forwarded-For) for a tracker behind a proxy.
 */
final class ClientAddresses {
    private ClientAddresses() {
    }

    static InetAddress of(HttpServletRequest request, TrackerSettings settings) {
        return of(request.getRemoteAddr(), request::getHeader, settings);
    }

    /** @param headers a request header's value by name, null when absent */
    static InetAddress of(String remoteAddress, java.util.function.UnaryOperator<String> headers, TrackerSettings settings) {
        String header = settings.realIpHeader();
        String text = remoteAddress;
        if (!header.isEmpty()) {
            String value = headers.apply(header);
            if (value != null && !value.isBlank()) {
                text = value.split(",")[0].trim();
            }
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return IpLiteral.parse(literal).orElseThrow(() -> new TrackerRefusal("cannot tell the client's address"));
    }
}
