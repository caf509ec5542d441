package dev.tusk.queue.spi;

import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A queue a user of the engine runs: declared as a CDI bean (a producer field), with a JMS queue
 * of its own whose listener ({@code @MessageDriven}, {@code maxSession} its workers) hands each
 * message to {@link QueueWakeUps}, so that a slow queue cannot starve another.
 *
 * @param name the queue's name in the job store and in metrics
 * @param destinationLookup the JNDI name of its JMS queue (e.g. a {@code @JMSDestinationDefinition})
 * @param defaultWorkers its listener's sessions when {@link #workersVariable()} is not set
 */
public record QueueDeclaration(String name, String destinationLookup, int defaultWorkers) {

    public QueueDeclaration {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a queue's name is lower-case letters, digits and _: " + name);
        }
        if (defaultWorkers < 1) {
            throw new IllegalArgumentException("a queue has at least one worker");
        }
    }

    /** The environment variable that sets the queue's workers (its listener's maxSession reads it too). */
    public String workersVariable() {
        return "TUSK_QUEUE_" + name.toUpperCase(Locale.ROOT) + "_CONCURRENCY";
    }

    /** The queue's workers, as its listener's activation config reads them. */
    public int workers() {
        return ConfigProvider.getConfig().getOptionalValue(workersVariable(), Integer.class).orElse(defaultWorkers);
    }
}
