package io.sitemove.verify.internal.env;

import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads what {@link HostProbe#FPM_SCRIPT} printed: the binary, its {@code -m} and its {@code -i}. */
public final class FpmFacts {
    /** The line between the {@code -m} and the {@code -i} output. */
    static final String SEPARATOR = "--sitemove-ini--";

    private FpmFacts() {
    }

    /**
     * The FPM runtime in {@code output}, or null when it names no binary.
     *
     * @param output the binary's path on the first line, then its modules, the separator, its phpinfo
     */
    public static Fpm parse(String output) {
        String[] lines = output.split("\n");
        if (lines.length == 0 || !lines[0].startsWith("/")) {
            return null;
        }
        SortedSet<String> modules = new TreeSet<>();
        Map<String, String> settings = new TreeMap<>();
        String version = null;
        boolean ini = false;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals(SEPARATOR)) {
                ini = true;
            } else if (!ini && !line.isEmpty() && !line.startsWith("[")) {
                modules.add(line.toLowerCase(Locale.ROOT));
            } else if (ini && line.contains(" => ")) {
                String[] parts = line.split(" => ");
                if (parts[0].equals("PHP Version") && version == null) {
                    version = parts[1].strip();
                }
                for (String name : PhpFacts.SETTINGS) {
                    if (parts[0].equals(name) && parts.length > 1) {
                        settings.putIfAbsent(name, parts[1].strip());
                    }
                }
            }
        }
        return version == null ? null : new Fpm(lines[0].strip(), new PhpFacts(version, modules, settings));
    }

    /**
     * An FPM binary found on a server.
     *
     * @param path where it is ("/usr/sbin/php-fpm8.2")
     * @param php what it reports
     */
    public record Fpm(String path, PhpFacts php) {
    }
}
