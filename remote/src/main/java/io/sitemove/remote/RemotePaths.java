package io.sitemove.remote;

import io.sitemove.MigrationException;
import java.nio.charset.StandardCharsets;

/** Checks names that came from a remote server before anything is done with them. */
public final class RemotePaths {
    private RemotePaths() {
    }

    /**
     * Refuses a relative path that is empty, absolute, holds NUL, or has an empty, {@code .} or
     * {@code ..} segment.
     *
     * @param where the server and root the name came from, for the message
     */
    public static String checkRelative(String path, String where) {
        String problem = problem(path);
        if (problem != null) {
            throw MigrationException.permanent("refusing remote file name '" + display(path) + "' listed by " + where
                    + ": " + problem + "; the server's file list is not trustworthy, inspect that directory");
        }
        return path;
    }

    private static String problem(String path) {
        if (path.isEmpty()) {
            return "it is empty";
        }
        if (path.indexOf('\0') >= 0) {
            return "it contains a NUL byte";
        }
        if (path.startsWith("/")) {
            return "it is absolute";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                return "it has an empty or '.' segment";
            }
            if (segment.equals("..")) {
                return "it has a '..' segment";
            }
        }
        return null;
    }

    /** Checks an absolute root directory given by the caller; returns it without a trailing slash. */
    public static String checkRoot(String root, String what) {
        if (root.isEmpty() || root.charAt(0) != '/') {
            throw new IllegalArgumentException(what + " '" + root + "' must be an absolute path");
        }
        if (root.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " cannot contain a NUL byte");
        }
        String trimmed = root;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.equals("/")) {
            throw new IllegalArgumentException(what + " cannot be the file system root '/'");
        }
        for (String segment : trimmed.substring(1).split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException(what + " '" + root + "' cannot contain '.' or '..' segments");
            }
        }
        return trimmed;
    }

    /** A byte-string path decoded as UTF-8 for messages. */
    public static String display(String path) {
        return new String(path.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
