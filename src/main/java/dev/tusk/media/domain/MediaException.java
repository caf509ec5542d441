package dev.tusk.media.domain;

/** A request the media service refuses, with pict-rs's error code and an HTTP status. */
public class MediaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final int status;

    public MediaException(int status, String code, String message) {
        super(message);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
