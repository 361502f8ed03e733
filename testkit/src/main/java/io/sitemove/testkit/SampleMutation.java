package io.sitemove.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/** Changes a sample site a little, as its users would between two syncs. */
final class SampleMutation {

    static final int FILES_CHANGED = 3;
    static final int FILES_ADDED = 3;
    static final int FILES_DELETED = 1;
    static final int POSTS_ADDED = 5;
    static final int POSTS_UPDATED = 3;
    static final int POSTMETA_DELETED = 2;
    private static final Set<String> KEPT = Set.of("index.php", "wp-config.php", ".htaccess");

    private SampleMutation() {
    }

    static void files(Path docroot, long seed) throws IOException {
        Random random = new Random(seed * 31 + 7);
        List<Path> candidates = regularFiles(docroot);
        for (int i = 0; i < FILES_CHANGED + FILES_DELETED && !candidates.isEmpty(); i++) {
            Path file = candidates.remove(random.nextInt(candidates.size()));
            if (i < FILES_CHANGED) {
                Files.writeString(file, "\n/* changed by mutation " + seed + " ✏️ */\n", StandardCharsets.UTF_8,
                        StandardOpenOption.APPEND);
            } else {
                Files.delete(file);
            }
        }
        SampleText text = new SampleText(random);
        Path uploads = Files.createDirectories(docroot.resolve("wp-content/uploads/2025/01"));
        for (int k = 0; k < FILES_ADDED; k++) {
            byte[] image = new byte[text.between(1_000, 30_000)];
            random.nextBytes(image);
            Files.write(uploads.resolve("new-" + seed + "-" + k + ".jpg"), image);
        }
    }

    static void database(Connection connection, long seed) throws SQLException {
        Random random = new Random(seed * 17 + 3);
        Transactions.inOne(connection, () -> {
            long maxPost = single(connection, "SELECT COALESCE(MAX(ID), 0) FROM wp_posts");
            int users = (int) Math.max(1, single(connection, "SELECT COUNT(*) FROM wp_users"));
            new SampleRows(connection, random).insertPosts(maxPost + 1, POSTS_ADDED, users);
            List<Long> posts = ids(connection, "SELECT ID FROM wp_posts WHERE ID <= " + maxPost + " ORDER BY ID");
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE wp_posts SET post_title = ?, post_modified = NOW() WHERE ID = ?")) {
                for (int k = 0; k < POSTS_UPDATED && !posts.isEmpty(); k++) {
                    update.setString(1, "Updated " + seed + "-" + k + " ✏️");
                    update.setLong(2, posts.remove(random.nextInt(posts.size())));
                    update.executeUpdate();
                }
            }
            List<Long> meta = ids(connection, "SELECT meta_id FROM wp_postmeta ORDER BY meta_id");
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM wp_postmeta WHERE meta_id = ?")) {
                for (int k = 0; k < POSTMETA_DELETED && !meta.isEmpty(); k++) {
                    delete.setLong(1, meta.remove(random.nextInt(meta.size())));
                    delete.executeUpdate();
                }
            }
        });
    }

    private static List<Path> regularFiles(Path docroot) throws IOException {
        try (Stream<Path> paths = Files.walk(docroot)) {
            return new ArrayList<>(paths
                    .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .filter(path -> !KEPT.contains(docroot.relativize(path).toString()))
                    .sorted()
                    .toList());
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Long> ids(Connection connection, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
