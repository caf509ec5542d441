package dev.tusk.media.application.migration;

import dev.tusk.media.domain.ContentHash;
import dev.tusk.media.domain.FileIdentifier;
import java.util.Map;

/**
 * What moving one hash's files produced: its original's and motion file's new identifiers (null
 * when already in the target store or skipped as missing) and its variants' (variant -> new identifier),
 * with the old identifiers their details come from.
 */
record Repoint(ContentHash hash, Moved original, Moved motion, Map<String, Moved> variants) {

    /** A file's old and new identifiers. */
    record Moved(FileIdentifier from, FileIdentifier to) {
    }
}
