/** The media repository on PostgreSQL (JPA), the file store, and upload notices over JMS. */
package dev.tusk.media.infrastructure;
