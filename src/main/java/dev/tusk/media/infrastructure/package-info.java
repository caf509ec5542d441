/**
 * The media repository on PostgreSQL (JPA), the file and object stores, upload notices over JMS,
 * and the media queues' JMS queues and listeners (declared to the queue engine).
 *
 * <p>One {@code Jpa*} class per repository interface and one entity per table: they share the
 * shape of a JPA repository (an application-scoped, transactional bean with its entity manager)
 * and of a mapped row, which is what they are, not logic written twice.
 */
package dev.tusk.media.infrastructure;
