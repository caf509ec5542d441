package dev.tusk.media.application;

import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.ImageFormat;
import dev.tusk.media.domain.MediaQueues;
import dev.tusk.queue.spi.JobContext;
import dev.tusk.queue.spi.JobQueue;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A thumbnail to make (a process job's arguments): of which original, under which variant name, how big, in what format. */
record GenerateJob(ContentHash hash, String variant, int size, ImageFormat format) {

    /** The thumbnail at most {@code size} pixels on its longer side, named as pict-rs names it. */
    static GenerateJob thumbnail(ContentHash hash, int size, ImageFormat format) {
        return new GenerateJob(hash, "thumbnail/" + size + "." + format.extension(), size, format);
    }

    static GenerateJob of(JobContext context) {
        JsonObject args = MediaJobs.args(context);
        return new GenerateJob(ContentHash.fromSlug(args.getString("hash")), args.getString("variant"), args.getInt("size"),
                ImageFormat.ofExtension(args.getString("format")).orElseThrow());
    }

    /** Queues it once: a request for a variant already queued joins that job. */
    void push(JobQueue queue) {
        String args = Json.createObjectBuilder().add("hash", hash.slug()).add("variant", variant).add("size", size)
                .add("format", format.extension()).build().toString();
        queue.push(MediaQueues.PROCESS, MediaJobs.GENERATE, args, "generate:" + hash.slug() + ":" + variant);
    }
}
