package dev.tusk.platform.batch;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Batch jobs for operators (under /api/admin, so HTTP Basic as an admin): what jobs there are
 * and their parameters, launching one, its executions with their read, write and skip counts,
 * stopping and restarting. The same jobs start from the web console and the CLI (README).
 */
@Path("api/admin/batch")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class BatchAdminResource {

    /** A job as operators see it. */
    public record JobView(String name, String description, List<BatchJob.Parameter> parameters) {
    }

    @Inject BatchJobs jobs;

    @GET
    @Path("jobs")
    public List<JobView> jobs() {
        return jobs.definitions().stream().map(d -> new JobView(d.name(), d.description(), d.parameters())).toList();
    }

    @POST
    @Path("jobs/{name}/executions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("name") String name, Map<String, Object> body, @jakarta.ws.rs.core.Context UriInfo uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (body != null) {
            body.forEach((k, v) -> parameters.put(k, v == null ? null : String.valueOf(v)));
        }
        BatchJobs.ExecutionView started = answer(() -> jobs.start(name, parameters));
        return Response.created(uri.getBaseUriBuilder().path("api/admin/batch/executions/{id}").build(started.id()))
                .entity(started).build();
    }

    @GET
    @Path("jobs/{name}/executions")
    public List<BatchJobs.ExecutionView> executions(@PathParam("name") String name,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(1000) int limit) {
        return answer(() -> jobs.executions(name, limit));
    }

    @GET
    @Path("executions/{id}")
    public BatchJobs.ExecutionView execution(@PathParam("id") long id) {
        return answer(() -> jobs.execution(id));
    }

    @POST
    @Path("executions/{id}/stop")
    public BatchJobs.ExecutionView stop(@PathParam("id") long id) {
        return answer(() -> {
            jobs.stop(id);
            return jobs.execution(id);
        });
    }

    @POST
    @Path("executions/{id}/restart")
    public Response restart(@PathParam("id") long id, @QueryParam("force") @DefaultValue("false") boolean force,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        BatchJobs.ExecutionView restarted = answer(() -> jobs.restart(id, force));
        return Response.created(uri.getBaseUriBuilder().path("api/admin/batch/executions/{id}").build(restarted.id()))
                .entity(restarted).build();
    }

    /** Jakarta Batch's refusals in HTTP terms: unknown is 404, a wrong state 409, bad parameters 400. */
    private static <T> T answer(Supplier<T> call) {
        try {
            return call.get();
        } catch (NoSuchElementException | NoSuchJobExecutionException e) {
            throw new NotFoundException(e.getMessage() == null ? "no such execution" : e.getMessage());
        } catch (JobExecutionNotRunningException | JobExecutionAlreadyCompleteException | JobExecutionNotMostRecentException
                | JobExecutionIsRunningException | JobRestartException e) {
            throw new ClientErrorException(stateMessage(e), Response.Status.CONFLICT);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static String stateMessage(RuntimeException e) {
        String kind;
        if (e instanceof JobExecutionNotRunningException) {
            kind = "the execution is not running";
        } else if (e instanceof JobExecutionAlreadyCompleteException) {
            kind = "the execution already completed";
        } else if (e instanceof JobExecutionNotMostRecentException) {
            kind = "a newer execution of the same job instance exists: restart that one";
        } else if (e instanceof JobExecutionIsRunningException) {
            kind = "the execution is still running";
        } else {
            kind = "the execution cannot be restarted";
        }
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }
}
