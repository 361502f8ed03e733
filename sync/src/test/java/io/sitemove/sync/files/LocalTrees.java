package io.sitemove.sync.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds and compares directory trees on this machine, where both testkit "servers" keep their
 * roots. The comparison is independent of the syncer: Java file walking, SHA-256 of contents,
 * permissions, whole-second mtimes and link targets.
 */
public final class LocalTrees {
    private LocalTrees() {
    }

    /** A tree with nested and empty dirs, links (one to /etc/passwd), modes, awkward names and a 5 MB file. */
    public static void generate(Path root) throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("wp-content/uploads/2024/05"));
        Files.createDirectories(root.resolve("empty/dir"));
        for (int i = 0; i < 30; i++) {
            write(root.resolve("wp-content/uploads/2024/05/img-" + i + ".jpg"), "image " + i);
        }
        write(root.resolve("index.php"), "<?php echo 'hello';");
        write(root.resolve("wp-config.php"), "<?php define('DB_NAME', 'shop');");
        Files.setPosixFilePermissions(root.resolve("wp-config.php"), PosixFilePermissions.fromString("rw-------"));
        write(root.resolve("run.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(root.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        write(root.resolve("name with space.txt"), "space");
        write(root.resolve("-leading-dash"), "dash");
        write(root.resolve("line\nbreak"), "newline");
        write(root.resolve("quote's \"both\""), "quotes");
        byte[] big = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(big);
        Files.write(root.resolve("wp-content/big.bin"), big);
        Files.createSymbolicLink(root.resolve("current"), Path.of("wp-content/uploads/2024"));
        Files.createSymbolicLink(root.resolve("passwd-link"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("does/not/exist"));
        shell(root, "printf 'latin1' > \"$(printf 'caf\\351.txt')\"");
        Files.setLastModifiedTime(root.resolve("index.php"), FileTime.fromMillis(1_600_000_000_000L));
    }

    public static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }

    /** Runs a shell snippet in a directory on this machine. */
    public static void shell(Path dir, String script) throws IOException, InterruptedException {
        Process sh = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes());
        assertEquals(0, sh.waitFor(), "shell snippet failed: " + out);
    }

    /** Asserts both trees hold the same entries with the same type, content, mode, mtime and link target. */
    public static void assertSame(Path expected, Path actual) throws IOException {
        List<Path> left = entries(expected);
        List<Path> right = entries(actual);
        assertEquals(left.size(), right.size(), "entry count of " + actual + " vs " + expected + ": " + right
                + " vs " + left);
        for (Path relative : left) {
            assertEquals(describe(expected.resolve(relative)), describe(actual.resolve(relative)),
                    "entry " + relative);
        }
    }

    /**
     * What a reader sees under root, by relative path (type, mode, mtime, size and content hash or link
     * target), leaving out the syncer's staging directories.
     */
    public static Map<String, String> visible(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path relative : entries(root)) {
            if (!relative.getName(0).toString().startsWith(".sitemove-staging-")) {
                out.put(relative.toString(), describe(root.resolve(relative)));
            }
        }
        return out;
    }

    /** The syncer's staging directories at the top of root. */
    public static List<Path> stagingDirs(Path root) throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> p.getFileName().toString().startsWith(".sitemove-staging-")).toList();
        }
    }

    /** Relative paths of every entry below root (links not followed). */
    public static List<Path> entries(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root)).forEach(p -> out.add(root.relativize(p)));
        }
        return out;
    }

    private static String describe(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return "missing";
        }
        if (Files.isSymbolicLink(p)) {
            return "link -> " + Files.readSymbolicLink(p);
        }
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        long mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() / 1000;
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "dir " + mode + " " + mtime;
        }
        return "file " + mode + " " + mtime + " " + Files.size(p) + " " + sha256(Files.readAllBytes(p));
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
