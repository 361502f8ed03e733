package io.sitemove.sync.files.internal;

import io.sitemove.spi.Side;
import io.sitemove.sync.files.Strategy;
import java.util.List;
import java.util.Map;

/**
 * How a file syncer was built.
 *
 * @param name the syncer's name in the plan
 * @param sourceRoot the absolute directory copied on the source
 * @param targetRoot the absolute directory copied into on the target
 * @param excludes the exclusion globs
 * @param allowMassDeletion whether a sync may delete more than the deletion guard allows
 * @param targetOwner the {@code user:group} every target entry gets, or null to map owners by name
 * @param verifyContent whether contents are compared by hash where sizes agree
 * @param strategy how contents travel
 * @param authorizedKeys the authorized_keys file a direct transfer into each side authorises its key in, where set
 * @param relayBelow below how many bytes to send {@link Strategy#AUTO} relays
 * @param replaceExisting whether preflight lets a sync delete the target's entries the source lacks
 */
public record FileSyncSettings(String name, String sourceRoot, String targetRoot, List<String> excludes,
        boolean allowMassDeletion, String targetOwner, boolean verifyContent, Strategy strategy,
        Map<Side, String> authorizedKeys, long relayBelow, boolean replaceExisting) {
    public FileSyncSettings {
        excludes = List.copyOf(excludes);
        authorizedKeys = Map.copyOf(authorizedKeys);
    }
}
