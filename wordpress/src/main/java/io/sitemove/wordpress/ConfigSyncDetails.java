package io.sitemove.wordpress;

import io.sitemove.spi.SyncDetails;
import java.util.List;

/**
 * What {@link WordPressSyncer} did to the target's configuration file; names only, never values.
 *
 * @param file the file's absolute path on the target (empty on a rollback, which touches nothing)
 * @param replaced settings whose existing definitions were given the target's value
 * @param inserted settings the file lacked, added
 * @param written whether the file was written (false when it already held the rewritten content)
 * @param backup where the original is kept on the target (empty when the target had no file before)
 */
public record ConfigSyncDetails(String file, List<String> replaced, List<String> inserted, boolean written,
        String backup) implements SyncDetails {
    /** Copies the lists. */
    public ConfigSyncDetails {
        replaced = List.copyOf(replaced);
        inserted = List.copyOf(inserted);
    }

    @Override
    public String summary() {
        if (file.isEmpty()) {
            return "configuration left alone on rollback";
        }
        return file + (written ? " rewritten" : " already up to date") + ": set " + replaced
                + (inserted.isEmpty() ? "" : ", added " + inserted);
    }
}
