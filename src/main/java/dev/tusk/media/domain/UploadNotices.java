package dev.tusk.media.domain;

import java.util.UUID;

/** Tells every node that an upload completed (the topic that replaces pict-rs's upload_completion_channel). */
public interface UploadNotices {
    void completed(UUID upload);
}
