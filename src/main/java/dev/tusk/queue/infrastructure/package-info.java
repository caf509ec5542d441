/** The job queue on PostgreSQL (SKIP LOCKED claims) and ActiveMQ Artemis (wake-ups, MDBs). */
package dev.tusk.queue.infrastructure;
