package dev.tusk.kv.domain;

/** A shard instance did not answer a call, or failed it (the call may be repeated: every write keeps the newer version). */
public class ShardUnavailableException extends RuntimeException {
    public ShardUnavailableException(String instance, Throwable cause) {
        super("shard instance " + instance + ": " + cause.getMessage(), cause);
    }
}
