package io.sitemove.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Generates a WordPress-like sample site, deterministically from a seed: its files, its
 * database, and small changes to both between incremental syncs.
 *
 * <p>The files: {@code index.php} (prints the site name and the number of posts, read from the
 * database named in {@code wp-config.php}), {@code wp-config.php}, {@code .htaccess}, plugins,
 * a theme, {@code wp-includes} and {@code wp-admin} (mostly small PHP, CSS and JS text with
 * UTF-8 words), JPEG-like uploads of 2 KB to 200 KB (one with a space and an accent in its name),
 * two relative symlinks ({@code wp-content/uploads/latest}, {@code wp-content/themes/current}),
 * and an empty nested directory ({@code wp-content/cache/empty/nested}). Modification times are
 * in 2024, also from the seed.
 *
 * <pre>{@code
 * SampleSite.writeFiles(testkit.oldSsh().root(), 500, 42);
 * testkit.oldDb().createDatabase("wordpress");
 * SampleSite.writeConfig(testkit.oldSsh().root(), testkit.oldDb(), "wordpress");
 * try (Connection c = testkit.oldDb().connect("wordpress")) {
 *     SampleSite.loadDatabase(c, 3000, 42);
 * }
 * }</pre>
 */
public final class SampleSite {

    private SampleSite() {
    }

    /**
     * What {@link #writeFiles} wrote.
     *
     * @param files regular files
     * @param directories directories, not counting the docroot
     * @param symlinks symbolic links
     * @param bytes total size of the regular files
     */
    public record Stats(int files, int directories, int symlinks, long bytes) {
    }

    /**
     * Writes the sample site's files.
     *
     * @param docroot an empty or missing directory
     * @param files how many regular files to write, at least 5
     * @param seed the same seed writes the same files
     * @return what was written
     * @throws IllegalArgumentException if {@code files} is below 5 or the docroot is not empty
     */
    public static Stats writeFiles(Path docroot, int files, long seed) {
        Objects.requireNonNull(docroot, "docroot cannot be null");
        if (files < SampleFiles.FIXED_FILES) {
            throw new IllegalArgumentException("files must be at least " + SampleFiles.FIXED_FILES + ": " + files);
        }
        try {
            Files.createDirectories(docroot);
            try (Stream<Path> entries = Files.list(docroot)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("docroot must be empty: " + docroot);
                }
            }
            new SampleFiles(docroot, seed).write(files);
            return stats(docroot);
        } catch (IOException e) {
            throw new TestkitException("cannot write the sample site to " + docroot + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code wp-config.php} so that the site's PHP uses a database on a testkit server.
     *
     * @param docroot the site's docroot
     * @param db the server, reached over TCP as its {@link MariaDb#user()}
     * @param database the database name
     */
    public static void writeConfig(Path docroot, MariaDb db, String database) {
        Objects.requireNonNull(docroot, "docroot cannot be null");
        Objects.requireNonNull(db, "db cannot be null");
        Objects.requireNonNull(database, "database cannot be null");
        Dirs.write(docroot.resolve("wp-config.php"),
                SamplePages.wpConfig(database, db.user(), db.password(), db.host() + ":" + db.port()));
    }

    /**
     * Creates the tables {@code wp_users}, {@code wp_options}, {@code wp_posts} and
     * {@code wp_postmeta} (dropping them first) and fills them, in batches, with utf8mb4 text
     * including emoji. Option {@code blogname} is {@code "Sample site <seed> 🚀"}.
     *
     * @param connection a connection to the site's database
     * @param rows the total number of rows, at least 10
     * @param seed the same seed inserts the same rows
     * @throws SQLException if the server refuses
     */
    public static void loadDatabase(Connection connection, int rows, long seed) throws SQLException {
        Objects.requireNonNull(connection, "connection cannot be null");
        if (rows < 10) {
            throw new IllegalArgumentException("rows must be at least 10: " + rows);
        }
        SampleSchema.create(connection);
        SampleRows.Counts counts = SampleRows.Counts.of(rows);
        Transactions.inOne(connection, () -> {
            SampleRows insert = new SampleRows(connection, new Random(seed));
            insert.insertUsers(1, counts.users());
            insert.insertOptions(seed, counts.options());
            insert.insertPosts(1, counts.posts(), counts.users());
            insert.insertPostmeta(1, counts.postmeta(), counts.posts());
        });
    }

    /**
     * Changes the site as its users would: see {@link #mutateFiles} and {@link #mutateDatabase}.
     *
     * @param docroot the site's docroot
     * @param connection a connection to the site's database
     * @param seed the same seed makes the same changes
     * @throws SQLException if the server refuses
     */
    public static void mutate(Path docroot, Connection connection, long seed) throws SQLException {
        mutateFiles(docroot, seed);
        mutateDatabase(connection, seed);
    }

    /**
     * Appends to 3 files, deletes 1 and adds 3 uploads under {@code wp-content/uploads/2025/01};
     * {@code index.php}, {@code wp-config.php} and {@code .htaccess} stay.
     *
     * @param docroot the site's docroot
     * @param seed the same seed makes the same changes
     */
    public static void mutateFiles(Path docroot, long seed) {
        Objects.requireNonNull(docroot, "docroot cannot be null");
        try {
            SampleMutation.files(docroot, seed);
        } catch (IOException e) {
            throw new TestkitException("cannot change the sample site in " + docroot + ": " + e.getMessage(), e);
        }
    }

    /**
     * Inserts 5 posts, updates the title of 3 and deletes 2 postmeta rows, in one transaction.
     *
     * @param connection a connection to the site's database
     * @param seed the same seed makes the same changes
     * @throws SQLException if the server refuses
     */
    public static void mutateDatabase(Connection connection, long seed) throws SQLException {
        Objects.requireNonNull(connection, "connection cannot be null");
        SampleMutation.database(connection, seed);
    }

    private static Stats stats(Path docroot) throws IOException {
        int files = 0;
        int directories = 0;
        int symlinks = 0;
        long bytes = 0;
        try (Stream<Path> paths = Files.walk(docroot)) {
            for (Path path : (Iterable<Path>) paths.skip(1)::iterator) {
                BasicFileAttributes attributes =
                        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    symlinks++;
                } else if (attributes.isDirectory()) {
                    directories++;
                } else if (attributes.isRegularFile()) {
                    files++;
                    bytes += attributes.size();
                }
            }
        }
        return new Stats(files, directories, symlinks, bytes);
    }
}
