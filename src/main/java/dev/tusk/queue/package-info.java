/**
 * The job queue engine: jobs as PostgreSQL rows, woken by JMS, run by the listeners of the queues
 * its users declare, swept by a timer. Its users see only {@code spi}; it names none of their
 * queues or jobs.
 */
package dev.tusk.queue;
