package dev.tusk.platform.rest;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A JSON body bound to a request record is parsed whole once before JSON Binding sees it: at most
 * {@value #MAX_BYTES} bytes, well-formed, nested at most as deep as the parser allows. Without
 * this, a truncated object with an unknown property (<code>{"a":{"a":</code>) sends JSON
 * Binding's skip of that property into a loop that never ends and holds a core (Parsson 1.1.7).
 * Bodies an endpoint reads as bytes or a stream are its own to check.
 */
@Provider
@Priority(Priorities.ENTITY_CODER + 100)
public class JsonBodyCheck implements ReaderInterceptor {
    static final int MAX_BYTES = 1 << 20;
    private static final Set<Class<?>> RAW = Set.of(byte[].class, String.class, InputStream.class, Reader.class);

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        boolean json = type != null && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"));
        if (!json || RAW.contains(context.getType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new WebApplicationException("a JSON body is at most " + MAX_BYTES + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        if (body.length > 0 && !isWellFormed(body)) {
            throw new BadRequestException("the request body is not well-formed JSON (or is nested too deeply)");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /**
     * Whether {@code body} is UTF-8 (RFC 8259) holding one JSON value and nothing after it, nested no
     * deeper than the parser allows.
     */
    public static boolean isWellFormed(byte[] body) {
        Reader strictUtf8 = new InputStreamReader(new ByteArrayInputStream(body),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try (JsonParser parser = Json.createParser(strictUtf8)) {
            while (parser.hasNext()) {
                parser.next();
            }
            return true;
        } catch (RuntimeException e) {
            // JsonParsingException, JsonException (also for bytes that are not UTF-8), and Parsson's
            // plain RuntimeException past its depth limit
            return false;
        }
    }
}
