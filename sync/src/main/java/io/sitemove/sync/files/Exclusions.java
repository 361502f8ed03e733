package io.sitemove.sync.files;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Glob exclusions on relative paths. {@code *} and {@code ?} stay within one segment, {@code **}
 * crosses segments. A pattern without a slash matches any single segment name (as {@code *.log}
 * matches {@code a/b/x.log}); one with a slash matches the path from the root. A path is excluded
 * when it or any of its ancestors matches, so excluding a directory excludes what it holds.
 *
 * <p>The one definition of an exclusion in sitemove: the file syncer and the tree verifier both use it,
 * so what is not copied is not compared either. Paths are the bytes of a name read as ISO-8859-1.
 *
 * <pre>{@code
 * Exclusions ex = new Exclusions(List.of("wp-content/cache/**", "*.log", ".maintenance"));
 * ex.excludes("wp-content/cache/page/index.html");   // true
 * ex.excludes("logs/debug.log");                     // true
 * ex.excludes("wp-content/uploads/a.jpg");           // false
 * }</pre>
 */
public final class Exclusions {
    private final List<Pattern> wholePath = new ArrayList<>();
    private final List<Pattern> segment = new ArrayList<>();

    /** Compiles the globs; IAE for an empty one. */
    public Exclusions(List<String> globs) {
        for (String glob : Objects.requireNonNull(globs, "globs cannot be null")) {
            if (Objects.requireNonNull(glob, "glob cannot be null").isBlank()) {
                throw new IllegalArgumentException("an exclusion cannot be empty");
            }
            String bytes = new String(glob.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            String trimmed = bytes.startsWith("/") ? bytes.substring(1) : bytes;
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            if (trimmed.contains("/") || bytes.startsWith("/")) {
                wholePath.add(toRegex(trimmed));
            } else {
                segment.add(toRegex(trimmed));
            }
        }
    }

    /** Turns a glob into a regular expression. */
    static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** True when nothing is excluded. */
    public boolean isEmpty() {
        return wholePath.isEmpty() && segment.isEmpty();
    }

    /** Whether the path, or one of its ancestors, is excluded. */
    public boolean excludes(String path) {
        if (isEmpty()) {
            return false;
        }
        int from = 0;
        while (true) {
            int slash = path.indexOf('/', from);
            String prefix = slash < 0 ? path : path.substring(0, slash);
            String name = prefix.substring(from);
            for (Pattern p : segment) {
                if (p.matcher(name).matches()) {
                    return true;
                }
            }
            for (Pattern p : wholePath) {
                if (p.matcher(prefix).matches()) {
                    return true;
                }
            }
            if (slash < 0) {
                return false;
            }
            from = slash + 1;
        }
    }
}
