package dev.tusk.media.application;

import dev.tusk.media.domain.FileIdentifier;
import dev.tusk.media.domain.MediaQueues;
import dev.tusk.queue.spi.Job;
import dev.tusk.queue.spi.JobQueue;
import jakarta.json.JsonObject;
import java.util.UUID;

/** An upload to ingest (a process job's arguments): the upload a client waits on and the temporary file with its bytes. */
record IngestJob(UUID upload, FileIdentifier temporary) {

    static IngestJob of(Job job) {
        JsonObject args = MediaJobs.args(job);
        return new IngestJob(UUID.fromString(args.getString("upload")), MediaJobs.identifier(args));
    }

    void push(JobQueue queue) {
        queue.push(MediaQueues.PROCESS, MediaJobs.INGEST, MediaJobs.json("upload", upload.toString(), MediaJobs.IDENTIFIER, temporary.value()), null);
    }
}
