package dev.tusk.media.domain;

import java.util.UUID;

/** Hears, on every node, that an upload completed (from whichever node ran its ingest). */
public interface UploadNoticeSubscriber {
    void completed(UUID upload);
}
