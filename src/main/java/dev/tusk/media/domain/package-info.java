/**
 * The media repository's model: content hashes, formats, details, the file store, the
 * repositories, the media queues' names and the upload notices' ports.
 */
package dev.tusk.media.domain;
