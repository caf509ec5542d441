/**
 * The media repository on PostgreSQL (JPA), the file and object stores, upload notices over JMS,
 * and the media queues' JMS queues and listeners (declared to the queue engine).
 */
package dev.tusk.media.infrastructure;
