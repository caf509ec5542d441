package dev.tusk.queue.api;

import dev.tusk.queue.application.DeclaredQueues;
import dev.tusk.queue.application.QueueAdministration;
import dev.tusk.queue.domain.JobBrowser;
import dev.tusk.queue.domain.JobStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The job queue for operators: lengths, running jobs, failed jobs to retry or delete. */
@Path("api/admin/queue")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class QueueAdminResource {

    /** One queue's length. */
    public record QueueLength(String queue, long waiting, long running, long failed) {
    }

    /** A running job with how long ago it last showed life. */
    public record Running(UUID id, String queue, String type, UUID worker, double heartbeatAgeSeconds, int attempt) {
    }

    @Inject QueueAdministration administration;
    @Inject JobBrowser browser;
    @Inject DeclaredQueues queues;

    @GET
    public List<QueueLength> queues() {
        Map<String, JobStore.Lengths> lengths = administration.lengths();
        return queues.names().stream().map(q -> {
            JobStore.Lengths l = lengths.getOrDefault(q, JobStore.Lengths.NONE);
            return new QueueLength(q, l.waiting(), l.running(), l.failed());
        }).toList();
    }

    @GET
    @Path("running")
    public List<Running> running(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(10000) int limit) {
        Instant now = Instant.now();
        return browser.running(limit).stream().map(j -> new Running(j.id(), j.queue(), j.type(), j.worker(),
                j.heartbeat() == null ? -1 : Duration.between(j.heartbeat(), now).toMillis() / 1000.0, j.attempt()))
                .toList();
    }

    @GET
    @Path("failed")
    public List<JobBrowser.FailedJob> failed(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(10000) int limit) {
        return browser.failed(limit);
    }

    @POST
    @Path("failed/{id}/retry")
    public Response retry(@PathParam("id") String id) {
        if (!administration.retryFailed(uuid(id))) {
            throw new NotFoundException("no failed job " + id + " (or a job with its unique key is queued again)");
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("failed/{id}")
    public Response delete(@PathParam("id") String id) {
        if (!administration.deleteFailed(uuid(id))) {
            throw new NotFoundException("no failed job " + id);
        }
        return Response.noContent().build();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("'" + id + "' is not a job id (a UUID)");
        }
    }
}
