package io.sitemove.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Checks a migration's result without any of sitemove's code: both trees hashed by walking them
 * locally, both databases compared with the server's own {@code CHECKSUM TABLE}, row counts and an
 * ordered hash of every row, and DNS asked with {@code dig}.
 */
public final class IndependentCheck {
    private IndependentCheck() {
    }

    /** Every entry under {@code root} (not following links): type, permissions, size, mtime, link target, content hash. */
    public static Map<String, String> tree(Path root, Set<String> excluded) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString();
                if (rel.isEmpty() || excluded.contains(rel)) {
                    continue;
                }
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String perms = PosixFilePermissions.toString(a.permissions());
                String line;
                if (a.isSymbolicLink()) {
                    line = "link " + Files.readSymbolicLink(p);
                } else if (a.isDirectory()) {
                    line = "dir " + perms;
                } else {
                    line = "file " + perms + " " + a.size() + " " + a.lastModifiedTime().toMillis() / 1000 + " " + sha256(p);
                }
                out.put(rel, line);
            }
        }
        return out;
    }

    /** The differences between two tree listings, at most {@code limit}. */
    public static List<String> diff(Map<String, String> source, Map<String, String> target, int limit) {
        List<String> d = new ArrayList<>();
        Set<String> all = new TreeSet<>(source.keySet());
        all.addAll(target.keySet());
        for (String k : all) {
            String a = source.get(k);
            String b = target.get(k);
            if (a == null || !a.equals(b)) {
                d.add(k + ": source [" + a + "] target [" + b + "]");
                if (d.size() >= limit) {
                    break;
                }
            }
        }
        return d;
    }

    /** Per table: its CHECKSUM TABLE value, its row count and a hash of all rows in primary-key order. */
    public static Map<String, String> tables(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String t : names) {
            String q = "`" + t.replace("`", "``") + "`";
            try (Statement s = c.createStatement()) {
                String checksum;
                try (ResultSet rs = s.executeQuery("CHECKSUM TABLE " + q + " EXTENDED")) {
                    rs.next();
                    checksum = rs.getString(2);
                }
                long rows = 0;
                MessageDigest md = sha();
                int n;
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + q + " LIMIT 0")) {
                    n = rs.getMetaData().getColumnCount();
                }
                StringBuilder order = new StringBuilder("1");
                for (int i = 2; i <= n; i++) {
                    order.append(',').append(i);
                }
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + q + " ORDER BY " + order)) {
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= n; i++) {
                            byte[] v = rs.getBytes(i);
                            md.update(v == null ? new byte[] {1} : new byte[] {0});
                            if (v != null) {
                                md.update(Integer.toString(v.length).getBytes(StandardCharsets.US_ASCII));
                                md.update(v);
                            }
                        }
                    }
                }
                out.put(t, "checksum " + checksum + ", " + rows + " rows, sha256 " + HexFormat.of().formatHex(md.digest()));
            }
        }
        return out;
    }

    /** What {@code dig} gets from the server for the name's A record. */
    public static String digA(String server, int port, String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dig", "+short", "+norec", "@" + server, "-p", Integer.toString(port), name, "A")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("dig failed: " + out);
        }
        return out;
    }

    private static String sha256(Path p) throws IOException {
        MessageDigest md = sha();
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
