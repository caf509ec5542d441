package dev.tusk.media.domain;

/** What any alias a client names must be to be looked up at all. */
public final class Alias {
    private Alias() {
    }

    /**
     * The alias itself, or a 404: an alias with a NUL cannot have been stored (PostgreSQL's text
     * has no NUL), so there is no image by it.
     */
    public static String storable(String alias) {
        if (alias.indexOf('\0') >= 0) {
            throw new MediaException(404, "not-found", "no image by that alias (an alias has no NUL character)");
        }
        return alias;
    }
}
