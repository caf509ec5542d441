package dev.tusk.platform.rest;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import jakarta.json.Json;

/** A problem body (RFC 7807, as {@link Problem}) sent by an Undertow handler in front of JAX-RS. */
public final class UndertowProblems {
    private UndertowProblems() {
    }

    public static void send(HttpServerExchange exchange, int status, String detail) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, Problem.MEDIA_TYPE);
        exchange.getResponseSender().send(Json.createObjectBuilder().add("type", "about:blank").add("title", StatusCodes.getReason(status))
                .add("status", status).add("detail", detail).build().toString());
    }
}
