package io.sitemove.bench.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated tree shaped like a busy WordPress site, the same bytes for the same size on every run:
 * many small PHP, CSS and JS files in nested plugin and theme directories, images of 50 KB to 2 MB in
 * dated upload folders, and a few large archives. Contents are slices of a random pool, so nothing
 * compresses and no two files are alike.
 */
final class SiteTree {
    private static final long EPOCH = 1_700_000_000L;
    private static final String[] CODE = {".php", ".php", ".php", ".css", ".js", ".json", ".txt"};

    private final int smallFiles;
    private final int images;
    private final int bigFiles;
    private final long bigSize;
    private final byte[] pool;

    private SiteTree(int smallFiles, int images, int bigFiles, long bigSize) {
        this.smallFiles = smallFiles;
        this.images = images;
        this.bigFiles = bigFiles;
        this.bigSize = bigSize;
        this.pool = new byte[8 * 1024 * 1024];
        new Random(42).nextBytes(pool);
    }

    /** About 20,000 files and 1.5 GB; about 2,000 files and 150 MB when quick. */
    static SiteTree of(boolean quick) {
        return quick ? new SiteTree(1_700, 200, 1, 40L * 1024 * 1024)
                : new SiteTree(17_000, 3_000, 3, 130L * 1024 * 1024);
    }

    /** Writes the tree under {@code root}, which must not exist yet; returns its file paths, relative. */
    List<String> generate(Path root) throws IOException {
        Random random = new Random(7);
        List<String> files = new ArrayList<>();
        for (int i = 0; i < smallFiles; i++) {
            String dir = i % 3 == 0 ? "wp-includes/" + (i % 40) : i % 3 == 1
                    ? "wp-content/plugins/plugin-" + (i % 120) + "/inc/" + (i % 7)
                    : "wp-content/themes/theme-" + (i % 6) + "/parts/" + (i % 25);
            int size = 300 + (int) Math.min(60_000, Math.abs(random.nextGaussian()) * 6_000);
            files.add(write(root, dir + "/file-" + i + CODE[i % CODE.length], size, i));
        }
        for (int i = 0; i < images; i++) {
            String dir = "wp-content/uploads/" + (2015 + i % 10) + "/" + String.format("%02d", 1 + i % 12);
            long size = 50 * 1024 + (long) (Math.pow(random.nextDouble(), 5) * (2 * 1024 * 1024 - 50 * 1024));
            files.add(write(root, dir + "/image-" + i + ".jpg", size, smallFiles + i));
        }
        for (int i = 0; i < bigFiles; i++) {
            files.add(write(root, "wp-content/backups/archive-" + i + ".zip", bigSize + i * 7_777L, 1_000_000 + i));
        }
        Files.writeString(root.resolve("wp-config.php"), "<?php define('DB_NAME', 'shop');\n");
        Files.setLastModifiedTime(root.resolve("wp-config.php"), FileTime.from(java.time.Instant.ofEpochSecond(EPOCH)));
        return files;
    }

    /** Writes one file of the given size whose bytes depend on {@code seed}; sets a fixed mtime. */
    String write(Path root, String relative, long size, long seed) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(Long.toString(seed).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            long left = size;
            int offset = (int) Math.floorMod(seed * 7_919L, (long) pool.length);
            while (left > 0) {
                int n = (int) Math.min(left, pool.length - offset);
                out.write(pool, offset, n);
                left -= n;
                offset = 0;
            }
        }
        Files.setLastModifiedTime(file, FileTime.from(java.time.Instant.ofEpochSecond(EPOCH + seed % 86_400)));
        return relative;
    }
}
