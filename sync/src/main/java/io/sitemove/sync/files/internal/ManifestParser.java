package io.sitemove.sync.files.internal;

import io.sitemove.remote.RemotePaths;

import io.sitemove.MigrationException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the output of {@link #ACCOUNTS} followed by {@code find ROOT -mindepth 1 -printf FIND_FORMAT}:
 * first the server's accounts, lines {@code U uid name} and {@code G gid name} ended by one NUL; then
 * eleven NUL-terminated fields per entry (type, size, mtime, mode, path, link target, uid, gid, device,
 * inode, link count). Owners are given by name, as the accounts say (the first name of an id wins, as
 * for {@code getpwuid}), or by number where an id has none. find prints numbers because its {@code %u}
 * looks each file's owner up anew, reading the account files once per file: three times as long for a
 * tree of 20,000 files. Every path is checked with {@link RemotePaths#checkRelative}.
 */
public final class ManifestParser {
    /** The find(1) format this parser reads. */
    public static final String FIND_FORMAT = "%y\\0%s\\0%T@\\0%m\\0%P\\0%l\\0%U\\0%G\\0%D\\0%i\\0%n\\0";

    /** The shell commands that print the accounts header this parser reads first. */
    public static final String ACCOUNTS = "{ getent passwd 2>/dev/null || cat /etc/passwd 2>/dev/null; }"
            + " | awk -F: '{ print \"U \" $3 \" \" $1 }'; { getent group 2>/dev/null || cat /etc/group 2>/dev/null; }"
            + " | awk -F: '{ print \"G \" $3 \" \" $1 }'; printf '\\0';";

    private static final int FIELDS = 11;

    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, String> users = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();
    private final String where;

    /** @param where the server and root being listed, for messages */
    public ManifestParser(String where) {
        this.where = where;
    }

    /** Reads all entries from the stream. */
    public List<FileEntry> parse(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 64 * 1024);
        List<FileEntry> entries = new ArrayList<>();
        if (!readAccounts(in)) {
            return entries;
        }
        String[] fields = new String[FIELDS];
        ByteArrayOutputStream field = new ByteArrayOutputStream(128);
        int index = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b != 0) {
                field.write(b);
                continue;
            }
            fields[index++] = field.toString(StandardCharsets.ISO_8859_1);
            field.reset();
            if (index == FIELDS) {
                entries.add(toEntry(fields));
                index = 0;
            }
        }
        if (index != 0 || field.size() != 0) {
            throw MigrationException.permanent("the file list from " + where + " ended in the middle of an entry;"
                    + " the listing was cut off, try again");
        }
        return entries;
    }

    /** Reads the accounts header; false for output that is empty (the command printed nothing). */
    private boolean readAccounts(InputStream in) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream(4096);
        int b;
        while ((b = in.read()) > 0) {
            header.write(b);
        }
        if (b < 0) {
            if (header.size() == 0) {
                return false;
            }
            throw MigrationException.permanent("the file list from " + where + " ended inside its accounts header;"
                    + " the listing was cut off, try again");
        }
        for (String line : header.toString(StandardCharsets.ISO_8859_1).split("\n")) {
            String[] parts = line.split(" ", 3);
            if (parts.length < 3 || parts[2].isEmpty()) {
                continue;
            }
            if (parts[0].equals("U")) {
                users.putIfAbsent(parts[1], parts[2]);
            } else if (parts[0].equals("G")) {
                groups.putIfAbsent(parts[1], parts[2]);
            }
        }
        return true;
    }

    private FileEntry toEntry(String[] f) {
        String path = RemotePaths.checkRelative(f[4], where);
        if (f[0].length() != 1) {
            throw bad(path, "type '" + f[0] + "'");
        }
        try {
            long size = Long.parseLong(f[1]);
            String time = f[2];
            int dot = time.indexOf('.');
            long mtime = Long.parseLong(dot < 0 ? time : time.substring(0, dot));
            int mode = Integer.parseInt(f[3], 8);
            char type = f[0].charAt(0);
            boolean hardLinked = type == 'f' && Long.parseLong(f[10]) > 1;
            String inode = hardLinked ? f[8] + ":" + f[9] : "";
            String owner = owners.computeIfAbsent(f[6] + ":" + f[7],
                    ids -> users.getOrDefault(f[6], f[6]) + ":" + groups.getOrDefault(f[7], f[7]));
            return new FileEntry(type, size, mtime, mode, path, f[5], owner, inode);
        } catch (NumberFormatException e) {
            throw bad(path, "size, time, mode or link count '" + f[1] + "', '" + f[2] + "', '" + f[3] + "', '"
                    + f[10] + "'");
        }
    }

    private MigrationException bad(String path, String what) {
        return MigrationException.permanent("the file list from " + where + " has an unreadable " + what + " for '"
                + RemotePaths.display(path) + "'; is GNU find installed there?");
    }
}
