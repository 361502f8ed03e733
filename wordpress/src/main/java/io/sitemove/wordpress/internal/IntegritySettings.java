package io.sitemove.wordpress.internal;

import io.sitemove.remote.db.DbEndpoint;
import java.util.List;
import java.util.Map;

/**
 * What the WordPress integrity check was configured with.
 *
 * @param sourceDocroot the docroot on the source, absolute
 * @param targetDocroot the docroot on the target, absolute
 * @param sourceDb the source's database
 * @param targetDb the target's database
 * @param tablePrefix the table prefix on both, or null to read each side's wp-config.php
 * @param expectedUrls {@code siteurl} and {@code home} the plan expects on the target; empty to compare with the source
 * @param requiredOptions the options that must exist on the target
 * @param uploadsDir the uploads directory relative to the docroot
 * @param maxListed the most rows or files of each kind listed per check
 * @param filesSyncer the name of the syncer that copies the files, whose last sync tells which upload files
 *     are still on their way
 */
public record IntegritySettings(String sourceDocroot, String targetDocroot, DbEndpoint sourceDb, DbEndpoint targetDb,
        String tablePrefix, Map<String, String> expectedUrls, List<String> requiredOptions, String uploadsDir,
        int maxListed, String filesSyncer) {
    /** Orphans read per reference and server, to tell those of the migration from those already on the source. */
    public static final int SCAN_LIMIT = 10_000;

    public IntegritySettings {
        expectedUrls = Map.copyOf(expectedUrls);
        requiredOptions = List.copyOf(requiredOptions);
    }

    /** The options read on both servers: {@code siteurl}, {@code home} and the required ones. */
    public List<String> optionNames() {
        List<String> names = new java.util.ArrayList<>(List.of("siteurl", "home"));
        requiredOptions.stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }
}
