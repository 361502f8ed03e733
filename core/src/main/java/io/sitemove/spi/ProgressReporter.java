package io.sitemove.spi;

import io.sitemove.Counts;

/** Where a syncer or verifier reports how far it has come; the engine turns it into progress events. */
@FunctionalInterface
public interface ProgressReporter {
    /**
     * Reports progress. Cheap to call; call it every few hundred files or a few MB.
     *
     * @param done the work done so far
     * @param total the whole work, as far as known (zero in a field that is not known)
     */
    void report(Counts done, Counts total);
}
