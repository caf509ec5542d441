/** The media repository's model: content hashes, formats, details, the file store and the repositories. */
package dev.tusk.media.domain;
