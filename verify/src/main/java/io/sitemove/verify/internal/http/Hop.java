package io.sitemove.verify.internal.http;

import java.net.URI;
import java.util.Objects;

/**
 * One redirect the client followed.
 *
 * @param from the URL that answered with a redirect
 * @param status its status, such as 301 or 302
 * @param location the {@code Location} it gave, resolved against {@code from}
 */
public record Hop(URI from, int status, URI location) {
    /** Checks the parts. */
    public Hop {
        Objects.requireNonNull(from, "from cannot be null");
        Objects.requireNonNull(location, "location cannot be null");
    }

    @Override
    public String toString() {
        return status + " " + from + " -> " + location;
    }
}
