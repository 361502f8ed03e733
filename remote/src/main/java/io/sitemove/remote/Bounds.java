package io.sitemove.remote;

import java.time.Duration;
import java.util.Locale;

/** How the remote layer and the syncers write a wait's bound in a message. */
public final class Bounds {
    private Bounds() {
    }

    /** A bound as people write it: "200 ms", "1.5 s", "30 s", "5 min". */
    public static String describe(Duration bound) {
        long ms = bound.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 60_000 == 0) {
            return (ms / 60_000) + " min";
        }
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
