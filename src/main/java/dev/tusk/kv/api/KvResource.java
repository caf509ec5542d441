package dev.tusk.kv.api;

import dev.tusk.kv.application.KeyValueStore;
import dev.tusk.kv.domain.Key;
import dev.tusk.kv.domain.KvException;
import dev.tusk.kv.domain.StoredValue;
import dev.tusk.kv.domain.ValueKind;
import dev.tusk.kv.domain.WriteOutcome;
import dev.tusk.platform.rest.JsonBodyCheck;
import dev.tusk.platform.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /kv/{namespace}/{key}}: GET the value (JSON or bytes, its version as ETag), PUT a value
 * (Content-Type application/json stores JSON, anything else bytes), DELETE, and PATCH
 * {@code {"add": n}} on a counter. {@code ?zone=} picks a zone this node serves, {@code ?ts=} a
 * caller's own timestamp (microseconds). A write that loses to a newer version is a 409 whose
 * ETag is the winner.
 */
@Path("kv/{namespace}/{key}")
@RequestScoped
public class KvResource {

    @Inject KeyValueStore store;

    @PathParam("namespace") String namespace;
    @PathParam("key") String name;
    @QueryParam("zone") String zone;

    @GET
    public Response get() {
        Key key = key();
        StoredValue v = store.get(zone, key).orElseThrow(() -> new KvException(KvException.Reason.NOT_FOUND, "no key " + key));
        MediaType type = v.kind() == ValueKind.BYTES ? MediaType.APPLICATION_OCTET_STREAM_TYPE : MediaType.APPLICATION_JSON_TYPE;
        return Response.ok(v.value(), type).tag(tag(v.version())).build();
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    public Response put(byte[] body, @HeaderParam("Content-Type") String contentType, @QueryParam("ts") Long ts) {
        boolean json = contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        if (json) {
            requireJson(body);
        }
        return answer(store.put(zone, key(), json ? ValueKind.JSON : ValueKind.BYTES, body == null ? new byte[0] : body, ts));
    }

    @DELETE
    public Response delete(@QueryParam("ts") Long ts) {
        return answer(store.delete(zone, key(), ts));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(byte[] body) {
        JsonValue add = requireJson(body) instanceof JsonObject o ? o.get("add") : null;
        if (!(add instanceof JsonNumber n) || !n.isIntegral()) {
            throw new KvException(KvException.Reason.BAD_REQUEST, "a patch is {\"add\": <whole number>}");
        }
        long delta;
        try {
            delta = n.longValueExact();
        } catch (ArithmeticException e) {
            throw new KvException(KvException.Reason.BAD_REQUEST, "add is a 64-bit whole number");
        }
        StoredValue v = store.add(zone, key(), delta);
        return Response.ok(v.value(), MediaType.APPLICATION_JSON_TYPE).tag(tag(v.version())).build();
    }

    private Key key() {
        return new Key(namespace, name);
    }

    private static JsonValue requireJson(byte[] body) {
        byte[] json = body == null ? new byte[0] : body;
        if (!JsonBodyCheck.isWellFormed(json)) {
            throw new KvException(KvException.Reason.BAD_REQUEST,
                    "the body is not JSON (one well-formed value, nested at most 1000 deep; send another Content-Type to store bytes)");
        }
        try (var reader = Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))) {
            return reader.readValue();
        }
    }

    private static Response answer(WriteOutcome outcome) {
        if (outcome.written()) {
            return Response.ok(Map.of("version", outcome.version().toString(), "ts", outcome.version().ts(),
                    "origin", outcome.version().origin()), MediaType.APPLICATION_JSON_TYPE).tag(tag(outcome.version())).build();
        }
        Problem p = Problem.of(Response.Status.CONFLICT, "a newer version " + outcome.version() + " is stored; this write was not applied");
        return Response.fromResponse(p.toResponse()).tag(tag(outcome.version())).build();
    }

    private static EntityTag tag(dev.tusk.kv.domain.Version v) {
        return new EntityTag(v.toString());
    }
}
