package io.sitemove.spi;

import java.util.List;
import java.util.Optional;

/** What a {@link Verifier} is told. */
public interface VerifyContext extends MigrationContext {
    /** When this verification runs; a verifier may do less at CUTOVER than at FUNCTIONAL. */
    VerifyStage stage();

    /** Where to report progress. */
    ProgressReporter progress();

    /**
     * Every sync of this migration that completed, oldest first, as the journal holds them: which
     * syncer, the mode and direction, when it started and the cursor it reached. A verifier of a site
     * that is still live compares the target with what the last sync delivered: a change on the source
     * after the last sync's cursor (or, for files, after its start) is pending, not a fault. Empty
     * outside an engine and before the first sync.
     */
    default List<EntryData.Synced> syncs() {
        return List.of();
    }

    /**
     * The last completed forward sync of the named syncer, if any.
     *
     * @param syncer a syncer's {@link Syncer#name()}
     */
    default Optional<EntryData.Synced> lastSync(String syncer) {
        List<EntryData.Synced> all = syncs();
        for (int i = all.size() - 1; i >= 0; i--) {
            EntryData.Synced s = all.get(i);
            if (s.syncer().equals(syncer) && s.direction() == Direction.FORWARD) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The forward sync of the named syncer before its last one, if any: with {@link #lastSync} it
     * bounds what the last sync carried (from this one's cursor to the last one's).
     *
     * @param syncer a syncer's {@link Syncer#name()}
     */
    default Optional<EntryData.Synced> syncBeforeLast(String syncer) {
        List<EntryData.Synced> forward = syncs().stream()
                .filter(s -> s.syncer().equals(syncer) && s.direction() == Direction.FORWARD).toList();
        return forward.size() < 2 ? Optional.empty() : Optional.of(forward.get(forward.size() - 2));
    }
}
