package io.sitemove.verify.internal.env;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One PHP runtime as a server reports it: its version, its loaded extensions (lower case) and the
 * settings that matter.
 *
 * @param version the version ("8.2.36")
 * @param extensions the loaded extensions, lower case
 * @param settings memory_limit, upload_max_filesize, max_execution_time as PHP reports them
 */
public record PhpFacts(String version, Set<String> extensions, Map<String, String> settings) {
    /** The settings compared, in the order they are reported. */
    public static final String[] SETTINGS = {"memory_limit", "upload_max_filesize", "max_execution_time"};

    /** What {@code php -r CODE} prints: NUL-terminated {@code key=value} entries. */
    public static final String CODE = "echo 'version=', PHP_VERSION, \"\\0\";"
            + " foreach (get_loaded_extensions() as $e) { echo 'ext=', strtolower($e), \"\\0\"; }"
            + " foreach (['memory_limit', 'upload_max_filesize', 'max_execution_time'] as $k)"
            + " { echo 'ini.', $k, '=', ini_get($k), \"\\0\"; }";

    public PhpFacts {
        extensions = Collections.unmodifiableSortedSet(new TreeSet<>(extensions));
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }

    /** The major.minor part of the version ("8.2"), or the version when it has no minor part. */
    public String minorVersion() {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }

    /** The major part of the version ("8"). */
    public String majorVersion() {
        return version.split("\\.")[0];
    }

    /**
     * Reads what {@link #CODE} printed. Entries it does not know, empty ones, text after the last NUL
     * and lines before a key (startup warnings PHP prints to standard output) are skipped; returns null
     * without a version entry.
     */
    public static PhpFacts parse(byte[] output) {
        String version = null;
        SortedSet<String> extensions = new TreeSet<>();
        Map<String, String> settings = new TreeMap<>();
        String text = new String(output, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\0');
        for (String entry : end < 0 ? new String[0] : text.substring(0, end).split("\0")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = entry.substring(entry.lastIndexOf('\n', eq) + 1, eq).strip();
            String value = entry.substring(eq + 1).strip();
            if (key.equals("version") && value.matches("[0-9]+(\\.[0-9]+)*.*")) {
                version = value;
            } else if (key.equals("ext") && !value.isEmpty()) {
                extensions.add(value.toLowerCase(java.util.Locale.ROOT));
            } else if (key.startsWith("ini.")) {
                settings.put(key.substring(4), value);
            }
        }
        return version == null ? null : new PhpFacts(version, extensions, settings);
    }
}
