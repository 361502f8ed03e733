package io.sitemove.sync.files.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** A hex SHA-256 over a manifest, independent of listing order: the file syncer's cursor. */
public final class ManifestDigest {
    private ManifestDigest() {
    }

    public static String of(List<FileEntry> entries) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        entries.stream().sorted(Comparator.comparing(FileEntry::path)).forEach(e -> {
            String line = e.type() + "\0" + (e.isFile() ? e.size() : 0) + "\0" + (e.isLink() ? 0 : e.mtime()) + "\0"
                    + Integer.toOctalString(e.isLink() ? 0 : e.mode()) + "\0" + e.path() + "\0" + e.link() + "\0";
            sha.update(line.getBytes(StandardCharsets.ISO_8859_1));
        });
        return HexFormat.of().formatHex(sha.digest());
    }
}
