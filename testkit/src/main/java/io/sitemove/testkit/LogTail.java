package io.sitemove.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads the end of a server's log file, for error messages. */
final class LogTail {

    static final int LINES = 30;

    private LogTail() {
    }

    static String read(Path log, int lines) {
        List<String> all = readAll(log);
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    static boolean mentionsPortInUse(Path log) {
        String text = read(log, LINES).toLowerCase(Locale.ROOT);
        return text.contains("address already in use") || text.contains("address in use");
    }

    static boolean contains(Path log, String needle) {
        return readAll(log).stream().anyMatch(line -> line.contains(needle));
    }

    private static List<String> readAll(Path log) {
        try {
            if (!Files.exists(log)) {
                return List.of("(no log file " + log + ")");
            }
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }
}
