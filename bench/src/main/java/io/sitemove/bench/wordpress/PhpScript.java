package io.sitemove.bench.wordpress;

import io.sitemove.testkit.MariaDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the suite's PHP scripts (a resource of this package), copied into the work directory and run with the
 * machine's {@code php} against a MariaDB server: the server's address and user as its first arguments, the
 * password in the environment (never on a command line), a bound on the run.
 */
final class PhpScript {
    private final Path file;

    private PhpScript(Path file) {
        this.file = file;
    }

    /** Copies the resource {@code name} into {@code dir}. */
    static PhpScript extract(String name, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        try (InputStream in = PhpScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bench resource " + name + " is missing");
            }
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return new PhpScript(file);
    }

    /** The PHP version, for the notes. */
    static String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("php", "-r", "echo PHP_VERSION;").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("php -r did not run: " + out);
        }
        return out;
    }

    /** Runs the script with the server's host, port and user, then {@code args}; returns what it printed. */
    String run(MariaDb db, Duration limit, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("php", file.toString(), db.host(), Integer.toString(db.port()),
                db.user()));
        command.addAll(List.of(args));
        Path log = file.resolveSibling(file.getFileName() + ".out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("BENCH_DB_PASSWORD", db.password());
        Process p = pb.start();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException(file.getFileName() + " did not finish within " + limit);
        }
        String out = Files.readString(log).trim();
        if (p.exitValue() != 0) {
            throw new IllegalStateException(file.getFileName() + " failed (exit " + p.exitValue() + "): "
                    + out.substring(Math.max(0, out.length() - 2000)));
        }
        return out;
    }

    /** The value of {@code name=value} in a script's output line. */
    static long figure(String output, String name) {
        for (String part : output.split("\\s+")) {
            if (part.startsWith(name + "=")) {
                return Long.parseLong(part.substring(name.length() + 1));
            }
        }
        throw new IllegalStateException("no " + name + "= in the script's output: " + output);
    }
}
