package dev.tusk.media.api;

import dev.tusk.media.application.ImageService;
import dev.tusk.media.application.MediaSettings;
import dev.tusk.media.application.UploadService;
import dev.tusk.media.domain.Alias;
import dev.tusk.media.domain.MediaException;
import dev.tusk.media.domain.MediaStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/** pict-rs's public endpoints, with its paths and JSON shapes. */
@Path("image")
@RequestScoped
public class MediaResource {
    private static final String FIELD = "images[]";
    private static final Duration INLINE_WAIT = Duration.ofSeconds(30);
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(10);

    @Inject UploadService uploads;
    @Inject ImageService images;
    @Inject MediaStore store;
    @Inject MediaSettings settings;

    /** Inline upload: every file is ingested before the answer; if one is refused, none is kept. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @MultipartBody
    public Response upload(List<EntityPart> parts) {
        List<UUID> ids = start(parts);
        List<JsonObject> done = new ArrayList<>();
        JsonObject refused = null;
        for (UUID id : ids) {
            JsonObject result = parse(uploads.await(id, INLINE_WAIT)
                    .orElseThrow(() -> new MediaException(503, "ingest-timeout", "the upload is still being processed; upload it backgrounded")));
            uploads.claim(id);
            if (result.containsKey("error")) {
                refused = refused == null ? result.getJsonObject("error") : refused;
            } else {
                done.add(result);
            }
        }
        if (refused != null) {
            done.forEach(r -> images.delete(r.getString("delete_token"), new Alias(r.getString("alias"))));
            return MediaExceptionMapper.error(refused.getInt("status"), refused.getString("code"), refused.getString("msg"));
        }
        return Response.status(Response.Status.CREATED).entity(files(done)).build();
    }

    /** Backgrounded upload: 202 with the upload ids to claim. */
    @POST
    @Path("backgrounded")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @MultipartBody
    public Response backgrounded(List<EntityPart> parts) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        start(parts).forEach(id -> list.add(Json.createObjectBuilder().add("upload_id", id.toString())));
        return Response.accepted(Json.createObjectBuilder().add("msg", "ok").add("uploads", list).build().toString()).build();
    }

    /** Waits up to 10 s for a backgrounded upload: its file, or 204 while it is still processed. */
    @GET
    @Path("backgrounded/claim")
    @Produces(MediaType.APPLICATION_JSON)
    public Response claim(@QueryParam("upload_id") String uploadId) {
        UUID id;
        try {
            id = UUID.fromString(uploadId == null ? "" : uploadId);
        } catch (IllegalArgumentException e) {
            throw new MediaException(400, "invalid-upload-id", "upload_id is a UUID");
        }
        Optional<String> result;
        try {
            result = uploads.await(id, CLAIM_WAIT);
        } catch (NoSuchElementException e) {
            throw new MediaException(404, "not-found", "no upload " + id + " (or it was claimed)");
        }
        if (result.isEmpty()) {
            return Response.noContent().build();
        }
        uploads.claim(id);
        JsonObject r = parse(result.get());
        if (r.containsKey("error")) {
            JsonObject e = r.getJsonObject("error");
            return MediaExceptionMapper.error(e.getInt("status"), e.getString("code"), e.getString("msg"));
        }
        return Response.ok(files(List.of(r))).build();
    }

    @GET
    @Path("original/{alias}")
    public Response original(@PathParam("alias") String alias) {
        return serve(images.original(Alias.named(alias)), true);
    }

    @HEAD
    @Path("original/{alias}")
    public Response originalHead(@PathParam("alias") String alias) {
        return serve(images.original(Alias.named(alias)), false);
    }

    @GET
    @Path("details/original/{alias}")
    @Produces(MediaType.APPLICATION_JSON)
    public String details(@PathParam("alias") String alias) {
        return images.original(Alias.named(alias)).details().json().toString();
    }

    /** {@code /image/process.{ext}?src={alias}&thumbnail={size}}: a thumbnail, generated on first request. */
    @GET
    @Path("process.{ext}")
    public Response process(@PathParam("ext") String ext, @QueryParam("src") String src, @QueryParam("thumbnail") String thumbnail) {
        if (src == null || src.isEmpty()) {
            throw new MediaException(400, "missing-src", "src names the image (its alias)");
        }
        int size;
        try {
            size = Integer.parseInt(thumbnail == null ? "" : thumbnail);
        } catch (NumberFormatException e) {
            throw new MediaException(400, "invalid-thumbnail", "thumbnail is a size in pixels");
        }
        return serve(images.thumbnail(Alias.named(src), ext, size), true);
    }

    @DELETE
    @Path("delete/{token}/{alias}")
    public Response delete(@PathParam("token") String token, @PathParam("alias") String alias) {
        images.delete(token, Alias.named(alias));
        return Response.noContent().build();
    }

    private List<UUID> start(List<EntityPart> parts) {
        List<EntityPart> files = parts == null ? List.of() : parts.stream().filter(p -> FIELD.equals(p.getName())).toList();
        if (files.isEmpty()) {
            throw new MediaException(400, "no-files", "send the images as multipart fields named images[]");
        }
        if (files.size() > settings.maxFiles()) {
            throw new MediaException(400, "too-many-files", files.size() + " files in one request; at most " + settings.maxFiles());
        }
        for (EntityPart part : files) {
            if ("multipart".equalsIgnoreCase(part.getMediaType().getType())) {
                // RESTEasy reads such a part as nested parts, not as a file
                throw new MediaException(400, "invalid-multipart", "a file part is itself multipart; send the image's bytes");
            }
        }
        List<UUID> ids = new ArrayList<>();
        for (EntityPart part : files) {
            ids.add(uploads.upload(part.getContent()));
        }
        return ids;
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static String files(List<JsonObject> results) {
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (JsonObject r : results) {
            files.add(Json.createObjectBuilder().add("file", r.getString("alias")).add("delete_token", r.getString("delete_token"))
                    .add("details", r.getJsonObject("details")));
        }
        return Json.createObjectBuilder().add("msg", "ok").add("files", files).build().toString();
    }

    private Response serve(ImageService.StoredImage image, boolean body) {
        long size;
        try {
            size = store.size(image.identifier());
        } catch (IOException e) {
            throw new MediaException(404, "not-found", "the image's file is missing");
        }
        Response.ResponseBuilder r = Response.ok().type(image.details().format().mediaType()).header("Content-Length", size)
                .tag(new EntityTag(image.hash().slug() + "-" + image.identifier().value().replace('/', '-')))
                .header("Cache-Control", "public, max-age=604800, immutable");
        if (body) {
            r.entity((StreamingOutput) out -> {
                try (InputStream in = store.open(image.identifier())) {
                    in.transferTo(out);
                }
            });
        }
        return r.build();
    }
}
