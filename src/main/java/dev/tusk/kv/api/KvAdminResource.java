package dev.tusk.kv.api;

import dev.tusk.kv.application.CatalogService;
import dev.tusk.kv.application.KvMaintenance;
import dev.tusk.kv.application.KvMetrics;
import dev.tusk.kv.application.Replicator;
import dev.tusk.kv.domain.Catalog;
import dev.tusk.kv.domain.CatalogStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * The KV catalog for operators (HTTP Basic as admin): zones, shards, shard instances and
 * namespaces. Every change is one transaction, published to every node, which applies it
 * without a restart. Passwords are write-only. Every route is one catalog edit, so the routes
 * share the shape of a resource method around {@code edit}.
 */
@Path("api/admin/kv")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RequestScoped
public class KvAdminResource {

    /** A shard instance as shown (no password). */
    public record InstanceView(String id, String shard, String zone, String jdbcUrl, String username, boolean decommissioned) {
    }

    public record CatalogView(List<String> zones, List<Catalog.Shard> shards, List<InstanceView> instances,
            List<Catalog.Namespace> namespaces) {
    }

    public record ShardBody(Integer position) {
    }

    public record InstanceBody(String shard, String zone, String jdbcUrl, String username, String password) {
    }

    public record NamespaceBody(Long expireAfterSeconds) {
    }

    @Inject CatalogService catalog;
    @Inject Replicator replicator;
    @Inject KvMaintenance maintenance;

    @GET
    @Path("catalog")
    public CatalogView view() {
        return view(catalog.current());
    }

    private static CatalogView view(Catalog c) {
        return new CatalogView(c.zones(), c.shards(), c.instances().stream()
                .map(i -> new InstanceView(i.id(), i.shard(), i.zone(), i.jdbcUrl(), i.username(), i.decommissioned())).toList(),
                c.namespaces());
    }

    private CatalogView edit(Consumer<CatalogStore.Editor> edits) {
        try {
            return view(catalog.edit(edits));
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @PUT
    @Path("zones/{name}")
    public CatalogView putZone(@PathParam("name") String name) {
        return edit(e -> e.putZone(name));
    }

    @PUT
    @Path("shards/{name}")
    public CatalogView putShard(@PathParam("name") String name, ShardBody body) {
        if (body == null || body.position() == null) {
            throw new BadRequestException("a shard needs its position: {\"position\": 0}");
        }
        return edit(e -> e.putShard(name, body.position()));
    }

    @PUT
    @Path("instances/{id}")
    public CatalogView putInstance(@PathParam("id") String id, InstanceBody b) {
        if (b == null || blank(b.shard()) || blank(b.zone()) || blank(b.jdbcUrl()) || blank(b.username())) {
            throw new BadRequestException("an instance needs shard, zone, jdbcUrl and username (password optional)");
        }
        if (!b.jdbcUrl().startsWith("jdbc:postgresql://")) {
            throw new BadRequestException("jdbcUrl is a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        return edit(e -> e.putInstance(new Catalog.ShardInstance(id, b.shard(), b.zone(), b.jdbcUrl(), b.username(), b.password(), false)));
    }

    /** A peer that will not come back: replication stops and tombstone cleanup no longer waits for it. */
    @POST
    @Path("instances/{id}/decommission")
    public CatalogView decommission(@PathParam("id") String id) {
        return edit(e -> e.decommission(id));
    }

    @PUT
    @Path("namespaces/{name}")
    public CatalogView putNamespace(@PathParam("name") String name, NamespaceBody body) {
        Long expiry = body == null ? null : body.expireAfterSeconds();
        return edit(e -> e.putNamespace(new Catalog.Namespace(name, expiry)));
    }

    /** Removes a zone, a shard, a shard instance or a namespace; 404 when there is none by that name. */
    @DELETE
    @Path("{kind: zones|shards|instances|namespaces}/{name}")
    public CatalogView remove(@PathParam("kind") String kind, @PathParam("name") String name) {
        return edit(e -> {
            switch (kind) {
                case "zones" -> e.removeZone(name);
                case "shards" -> e.removeShard(name);
                case "instances" -> e.removeInstance(name);
                default -> e.removeNamespace(name);
            }
        });
    }

    /** Every replication task of this node: lag, rows applied, conflicts, errors, last success, clock skew. */
    @GET
    @Path("replication")
    public List<KvMetrics.TaskStatus> replication() {
        return replicator.status();
    }

    /** Runs a maintenance round now (expiry sweep, tombstone cleanup, digest repair). */
    @POST
    @Path("maintenance")
    public KvMaintenance.Round maintain() {
        return maintenance.runNow();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
