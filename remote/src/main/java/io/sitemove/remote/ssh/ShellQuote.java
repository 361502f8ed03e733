package io.sitemove.remote.ssh;

import java.util.List;
import java.util.Objects;

/**
 * Quotes arguments for a POSIX shell, so a remote command never carries unquoted input. Every
 * argument is wrapped in single quotes; an embedded single quote becomes {@code '\''}.
 *
 * <pre>{@code
 * ShellQuote.command(List.of("ls", "-l", "it's here"));   // 'ls' '-l' 'it'\''s here'
 * }</pre>
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    /**
     * Quotes one argument.
     *
     * @throws IllegalArgumentException when the argument holds a NUL byte, which no shell argument can carry
     */
    public static String quote(String arg) {
        Objects.requireNonNull(arg, "arg cannot be null");
        if (arg.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain a NUL byte");
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /**
     * Builds one command line from arguments, each quoted.
     *
     * @throws IllegalArgumentException when the list is empty or an argument holds a NUL byte
     */
    public static String command(List<String> argv) {
        Objects.requireNonNull(argv, "argv cannot be null");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least one argument");
        }
        StringBuilder line = new StringBuilder();
        for (String arg : argv) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(arg));
        }
        return line.toString();
    }
}
