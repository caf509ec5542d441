package dev.tusk.media.domain;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;

/** What Tusk knows of a stored image file (pict-rs's details). */
public record ImageDetails(int width, int height, Integer frames, ImageFormat format, Instant createdAt) {

    /** pict-rs's JSON: width, height, frames, content_type, created_at (and format). */
    public JsonObject json() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("width", width).add("height", height);
        if (frames == null) {
            b.addNull("frames");
        } else {
            b.add("frames", frames);
        }
        return b.add("content_type", format.mediaType()).add("format", format.extension())
                .add("created_at", createdAt.toString()).build();
    }

    public static ImageDetails fromJson(String text) {
        JsonObject o = Json.createReader(new StringReader(text)).readObject();
        return new ImageDetails(o.getInt("width"), o.getInt("height"), o.isNull("frames") ? null : o.getInt("frames"),
                ImageFormat.ofExtension(o.getString("format")).orElseThrow(), Instant.parse(o.getString("created_at")));
    }
}
