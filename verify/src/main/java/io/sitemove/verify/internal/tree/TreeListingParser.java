package io.sitemove.verify.internal.tree;

import io.sitemove.verify.internal.Printable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the NUL-separated output of the listing and hashing commands ({@link TreeCommands}).
 * Every byte of a name is kept (ISO-8859-1), so names with newlines, tabs or bytes that are not
 * UTF-8 come through unchanged.
 */
public final class TreeListingParser {
    private static final int FIELDS = 8;
    private static final int HEX_LENGTH = 64;

    private TreeListingParser() {
    }

    /**
     * Parses the listing: eight NUL-terminated fields per entry (type, octal mode, owner, size, mtime and
     * ctime with fraction, link target, relative path); the root comes first, with an empty path.
     *
     * @throws IllegalArgumentException when the output is not such a listing
     */
    public static TreeListing parseListing(byte[] output) {
        List<String> fields = split(output);
        if (fields.size() % FIELDS != 0) {
            throw new IllegalArgumentException("listing has " + fields.size() + " fields, not a multiple of " + FIELDS
                    + " (is GNU find installed?)");
        }
        if (fields.isEmpty() || !fields.get(FIELDS - 1).isEmpty()) {
            throw new IllegalArgumentException("listing does not start with the root itself");
        }
        long rootChanged = Math.max(seconds("mtime", fields.get(4)), seconds("ctime", fields.get(5)));
        List<TreeEntry> entries = new ArrayList<>(fields.size() / FIELDS);
        for (int i = FIELDS; i < fields.size(); i += FIELDS) {
            entries.add(entry(fields.subList(i, i + FIELDS)));
        }
        return new TreeListing(rootChanged, entries);
    }

    /**
     * Parses {@code sha256sum -z} output: "HEX  NAME" (or "HEX *NAME"), NUL-terminated. Names given
     * to it with a prefix have it removed, so the map is keyed by the relative path.
     *
     * @param prefix the prefix each name carries (the root and a slash), removed from the keys
     * @throws IllegalArgumentException when a record is not such a line
     */
    public static Map<String, String> parseHashes(byte[] output, String prefix) {
        Map<String, String> hashes = new HashMap<>();
        for (String record : split(output)) {
            if (record.length() < HEX_LENGTH + 3 || !isHex(record.substring(0, HEX_LENGTH))
                    || record.charAt(HEX_LENGTH) != ' ' || (record.charAt(HEX_LENGTH + 1) != ' ' && record.charAt(HEX_LENGTH + 1) != '*')) {
                throw new IllegalArgumentException("not a sha256sum line: '" + Printable.excerpt(record, 100) + "'");
            }
            String name = record.substring(HEX_LENGTH + 2);
            if (!name.startsWith(prefix)) {
                throw new IllegalArgumentException("sha256sum named '" + Printable.excerpt(name, 100)
                        + "', which is not under '" + Printable.of(prefix) + "'");
            }
            hashes.put(name.substring(prefix.length()), record.substring(0, HEX_LENGTH));
        }
        return hashes;
    }

    /** Joins names into NUL-terminated bytes, each with the prefix, for a command's stdin. */
    public static byte[] nulTerminated(Iterable<String> names, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(prefix).append(name).append('\0');
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static TreeEntry entry(List<String> f) {
        EntryType type = EntryType.of(f.get(0));
        int mode = parseMode(f.get(1));
        long size = parseNumber("size", f.get(3));
        return new TreeEntry(f.get(7), type, mode, f.get(2), size, seconds("mtime", f.get(4)), seconds("ctime", f.get(5)),
                type == EntryType.SYMLINK ? f.get(6) : "");
    }

    private static long seconds(String what, String time) {
        int dot = time.indexOf('.');
        return parseNumber(what, dot < 0 ? time : time.substring(0, dot));
    }

    private static int parseMode(String text) {
        try {
            return Integer.parseInt(text, 8);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mode '" + Printable.of(text) + "' is not octal", e);
        }
    }

    private static long parseNumber(String what, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + Printable.of(text) + "' is not a number", e);
        }
    }

    private static List<String> split(byte[] output) {
        String text = new String(output, StandardCharsets.ISO_8859_1);
        if (!text.isEmpty() && !text.endsWith("\0")) {
            throw new IllegalArgumentException("output does not end with a NUL: it was cut short");
        }
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\0') {
                fields.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return fields;
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
