package dev.tusk.queue.spi;

import java.util.List;

/**
 * Several handlers declared by one CDI bean, so that jobs of one family (a chain of cleanups,
 * say) share their dependencies and helpers instead of each being a class of its own. Found by
 * CDI like {@link JobHandler} beans; every type stays unique among all handlers.
 */
public interface JobHandlerGroup {

    /** The group's handlers, typically {@link JobHandler#of} over the bean's own methods. */
    List<JobHandler> handlers();
}
