package io.sitemove.sync.internal;

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
 * Parses the output of {@code find ROOT -mindepth 1 -printf FIND_FORMAT}: eleven NUL-terminated fields
 * per entry (type, size, mtime, mode, path, link target, user, group, device, inode, link count). Every
 * path is checked with {@link RemotePaths#checkRelative}.
 */
public final class ManifestParser {
    /** The find(1) format this parser reads. */
    public static final String FIND_FORMAT = "%y\\0%s\\0%T@\\0%m\\0%P\\0%l\\0%u\\0%g\\0%D\\0%i\\0%n\\0";

    private static final int FIELDS = 11;

    private final Map<String, String> owners = new HashMap<>();
    private final String where;

    /** @param where the server and root being listed, for messages */
    public ManifestParser(String where) {
        this.where = where;
    }

    /** Reads all entries from the stream. */
    public List<FileEntry> parse(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 64 * 1024);
        List<FileEntry> entries = new ArrayList<>();
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
            throw new MigrationException("the file list from " + where + " ended in the middle of an entry;"
                    + " the listing was cut off, try again");
        }
        return entries;
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
            String owner = owners.computeIfAbsent(f[6] + ":" + f[7], o -> o);
            return new FileEntry(type, size, mtime, mode, path, f[5], owner, inode);
        } catch (NumberFormatException e) {
            throw bad(path, "size, time, mode or link count '" + f[1] + "', '" + f[2] + "', '" + f[3] + "', '"
                    + f[10] + "'");
        }
    }

    private MigrationException bad(String path, String what) {
        return new MigrationException("the file list from " + where + " has an unreadable " + what + " for '"
                + RemotePaths.display(path) + "'; is GNU find installed there?");
    }
}
