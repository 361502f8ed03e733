package io.sitemove.wordpress;

import io.sitemove.testkit.MariaDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Copies a site the way a person would check by hand, independently of sitemove: the files with the JDK,
 * the database with mariadb-dump piped into the mariadb client.
 */
final class FaithfulCopy {
    private FaithfulCopy() {
    }

    static void files(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    static void database(MariaDb from, MariaDb to, String database) throws Exception {
        database(from, to, database, database);
    }

    static void database(MariaDb from, MariaDb to, String database, String targetDatabase) throws Exception {
        to.createDatabase(targetDatabase);
        byte[] dump = run(List.of("mariadb-dump", "--single-transaction", "--skip-comments", "-h", from.host(),
                "-P", Integer.toString(from.port()), "-u", from.user(), database), from.password(), new byte[0]);
        run(List.of("mariadb", "-h", to.host(), "-P", Integer.toString(to.port()), "-u", to.user(), targetDatabase),
                to.password(), dump);
    }

    private static byte[] run(List<String> command, String password, byte[] input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("MYSQL_PWD", password);
        Process process = builder.start();
        CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed with exit code " + process.exitValue());
        }
        return output.get(10, TimeUnit.SECONDS);
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
