/**
 * The job queue on PostgreSQL (SKIP LOCKED claims) and ActiveMQ Artemis (wake-ups, one JMS queue
 * per declared queue; each queue's listener is its user's and hands messages to {@code JmsQueueWakeUps}).
 */
package dev.tusk.queue.infrastructure;
