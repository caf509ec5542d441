package dev.tusk.queue.domain;

import java.util.List;

/**
 * The queues Tusk runs, each with its own JMS destination and its own MDB pool, so that a slow
 * queue cannot starve another (pict-rs's two: {@code process} and {@code cleanup}).
 */
public final class JobQueues {
    public static final String PROCESS = "process";
    public static final String CLEANUP = "cleanup";
    public static final List<String> ALL = List.of(PROCESS, CLEANUP);

    private JobQueues() {
    }

    /** The environment variable that sets a queue's worker count (its MDB's sessions). */
    public static String concurrencyVariable(String queue) {
        return "TUSK_QUEUE_" + require(queue).toUpperCase(java.util.Locale.ROOT) + "_CONCURRENCY";
    }

    /** Workers a queue has when its variable is not set (as its MDB's activation config says). */
    public static int defaultConcurrency(String queue) {
        return CLEANUP.equals(require(queue)) ? 2 : 4;
    }

    public static String require(String queue) {
        if (!ALL.contains(queue)) {
            throw new IllegalArgumentException("unknown job queue '" + queue + "' (known: " + ALL + ")");
        }
        return queue;
    }
}
