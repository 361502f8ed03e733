package io.sitemove.spi;

/**
 * What a syncer reports about one sync beyond the counts of {@link SyncResult}: a record a panel
 * reads as it is, never a map of strings to parse. The engine journals it as JSON (Jackson binds
 * records), so an implementation is a record of plain values: strings, numbers, booleans, enums,
 * {@code java.time} values, lists and nested records; never a secret.
 *
 * <pre>{@code
 * result.details(FileSyncDetails.class).ifPresent(d -> panel.show(d.route(), d.wireBytes()));
 * }</pre>
 */
public interface SyncDetails {
    /** One line for a report ("relay, 1,204 files, 38 MB over the wire"). */
    String summary();

    /** No details: for a syncer with nothing to say beyond its counts. */
    static SyncDetails none() {
        return NoDetails.INSTANCE;
    }

    /** The empty details of {@link #none()}. */
    enum NoDetails implements SyncDetails {
        /** The one instance. */
        INSTANCE;

        @Override
        public String summary() {
            return "";
        }
    }
}
