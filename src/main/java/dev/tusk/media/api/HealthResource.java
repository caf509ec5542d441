package dev.tusk.media.api;

import dev.tusk.media.domain.MediaRepository;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** pict-rs's {@code /healthz}: 200 when the repository answers. */
@Path("healthz")
@RequestScoped
public class HealthResource {

    @Inject MediaRepository.Hashes hashes;

    @GET
    public Response health() {
        hashes.size();
        return Response.ok().build();
    }
}
