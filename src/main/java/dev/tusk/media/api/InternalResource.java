package dev.tusk.media.api;

import dev.tusk.media.application.MediaAdministration;
import dev.tusk.media.application.MediaSettings;
import dev.tusk.media.domain.Alias;
import dev.tusk.media.domain.MediaException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;

/** pict-rs's internal endpoints, behind the API key ({@code X-Api-Token}, {@code media.api_key}). */
@Path("internal")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class InternalResource {

    @Inject MediaAdministration administration;
    @Inject MediaSettings settings;
    @HeaderParam("X-Api-Token") String token;

    private void authorize() {
        String key = settings.apiKey().orElse(null);
        if (key == null || token == null
                || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new MediaException(403, "invalid-api-token", "the internal endpoints need the API key in X-Api-Token");
        }
    }

    private static String ok(String name, List<Alias> values) {
        return Json.createObjectBuilder().add("msg", "ok").add(name, names(values)).build().toString();
    }

    private static JsonArrayBuilder names(List<Alias> aliases) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        aliases.forEach(a -> list.add(a.value()));
        return list;
    }

    private static Alias alias(String alias) {
        if (alias == null || alias.isEmpty()) {
            throw new MediaException(400, "missing-alias", "alias is required");
        }
        return Alias.named(alias);
    }

    @POST
    @Path("purge")
    public String purge(@QueryParam("alias") String alias) {
        authorize();
        return ok("aliases", administration.purge(alias(alias)));
    }

    @GET
    @Path("aliases")
    public String aliases(@QueryParam("alias") String alias) {
        authorize();
        return ok("aliases", administration.aliases(alias(alias)));
    }

    @GET
    @Path("identifier")
    public String identifier(@QueryParam("alias") String alias) {
        authorize();
        return Json.createObjectBuilder().add("msg", "ok").add("identifier", administration.identifier(alias(alias)).value()).build().toString();
    }

    @GET
    @Path("hashes")
    public String hashes(@QueryParam("slug") String slug, @QueryParam("timestamp") String timestamp, @QueryParam("limit") String limit) {
        authorize();
        int n;
        try {
            n = limit == null ? 20 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 1000) {
            throw new MediaException(400, "invalid-limit", "limit is 1 to 1000");
        }
        Instant at;
        try {
            at = timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new MediaException(400, "invalid-timestamp", "timestamp is RFC 3339, e.g. 2026-01-01T00:00:00Z");
        }
        MediaAdministration.Page page = administration.page(slug, at, n);
        JsonArrayBuilder hashes = Json.createArrayBuilder();
        for (MediaAdministration.HashEntry e : page.hashes()) {
            JsonObjectBuilder h = Json.createObjectBuilder().add("hex", HexFormat.of().formatHex(e.hash().bytes())).add("aliases", names(e.aliases()));
            e.details().ifPresent(d -> h.add("details", d.json()));
            hashes.add(h);
        }
        JsonObjectBuilder p = Json.createObjectBuilder().add("limit", n).add("hashes", hashes);
        addOrNull(p, "current", page.current());
        addOrNull(p, "prev", page.prev());
        addOrNull(p, "next", page.next());
        return Json.createObjectBuilder().add("msg", "ok").add("page", p).build().toString();
    }

    private static void addOrNull(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }

    @DELETE
    @Path("variants")
    public String deleteVariants() {
        authorize();
        administration.deleteAllVariants();
        return Json.createObjectBuilder().add("msg", "ok").build().toString();
    }

    @POST
    @Path("prune_missing")
    public String pruneMissing() {
        authorize();
        administration.pruneMissing();
        return Json.createObjectBuilder().add("msg", "ok").build().toString();
    }
}
