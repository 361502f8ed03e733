package io.sitemove.verify.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A glob over paths relative to a tree's root: {@code *} matches within one path part, {@code **}
 * across parts, {@code ?} one character, anything else itself. A path matches when it or one of its
 * parent directories matches, so excluding a directory excludes what it holds.
 */
public final class Glob {
    private final String text;
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /** Compiles a glob; IAE when it is empty or absolute. */
    public static Glob of(String glob) {
        Objects.requireNonNull(glob, "glob cannot be null");
        if (glob.isBlank() || glob.startsWith("/")) {
            throw new IllegalArgumentException("exclusion '" + Printable.of(glob)
                    + "' must be a non-empty glob relative to the root, like 'wp-content/cache/**'");
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(slashFollows ? "(?:.*/)?" : ".*");
                i += slashFollows ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** Whether the path, or a directory above it, matches. */
    public boolean matches(String path) {
        if (pattern.matcher(path).matches()) {
            return true;
        }
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            if (pattern.matcher(path.substring(0, slash)).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
