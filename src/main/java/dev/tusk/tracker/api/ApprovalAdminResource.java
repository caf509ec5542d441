package dev.tusk.tracker.api;

import dev.tusk.tracker.application.TorrentApproval;
import dev.tusk.tracker.domain.ByteKey;
import dev.tusk.tracker.domain.InfoHash;
import dev.tusk.tracker.domain.SwarmBrowser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The torrent approval list (operators only): which info hashes the whitelist allows or the
 * blacklist refuses, depending on {@code tracker.approval.mode}.
 */
@Path("api/admin/tracker/approval")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ApprovalAdminResource {

    /** The list as operators see it. */
    public record ApprovalList(String mode, List<String> infoHashes) {
    }

    /** Several hashes at once, hexadecimal. */
    public record InfoHashBatch(@NotNull @Size(min = 1, max = 10000) List<String> infoHashes) {
    }

    @Inject TorrentApproval approval;
    @Inject SwarmBrowser browser;

    @GET
    public ApprovalList list(@QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(100000) int limit) {
        List<String> hashes = browser.keys(approval.context(), limit).stream()
                .map(ByteKey::bytes)
                .map(HexFormat.of()::formatHex)
                .toList();
        return new ApprovalList(approval.mode().name().toLowerCase(Locale.ROOT), hashes);
    }

    @GET
    @Path("{infoHash}")
    public Response get(@PathParam("infoHash") String hex) {
        InfoHash infoHash = AdminInfoHashes.parse(hex);
        if (!approval.isListed(infoHash)) {
            throw new NotFoundException("info hash " + infoHash.hex() + " is not on the list");
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("{infoHash}")
    public Response add(@PathParam("infoHash") String hex) {
        approval.add(List.of(AdminInfoHashes.parse(hex)));
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addAll(@NotNull @Valid InfoHashBatch batch) {
        approval.add(batch.infoHashes().stream().map(AdminInfoHashes::parse).toList());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{infoHash}")
    public Response remove(@PathParam("infoHash") String hex) {
        approval.remove(List.of(AdminInfoHashes.parse(hex)));
        return Response.noContent().build();
    }
}
