package dev.tusk.media.domain;

import java.io.IOException;

/** The stores by name ({@code file}, {@code s3}), for migrations between them. */
public interface MediaStoreCatalog {

    /** @throws IllegalArgumentException for a name that is no store */
    MediaStore named(String name);

    /** Whether the identifier is a file of the named store. */
    boolean holds(String name, FileIdentifier identifier);

    /** Checks that the named store can be used now. @throws IOException saying what is wrong */
    void check(String name) throws IOException;
}
