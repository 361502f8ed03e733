package io.sitemove.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived tool (ssh-keygen, mariadb-install-db, the mariadb client, dig) to completion.
 * Secrets go through standard input, never the command line.
 */
final class Commands {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private Commands() {
    }

    /** The tool's exit code and its combined standard output and error. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    static String run(List<String> command) {
        return run(command, "");
    }

    static String run(List<String> command, String input) {
        Result result = execute(command, input, DEFAULT_TIMEOUT);
        if (!result.ok()) {
            throw new TestkitException(command.get(0) + " failed with exit code " + result.exitCode() + ":\n"
                    + result.output().strip());
        }
        return result.output();
    }

    static Result execute(List<String> command, String input, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new TestkitException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the tool may exit without reading its input; its exit code tells
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new TestkitException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), output.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new TestkitException("interrupted while running " + command.get(0), e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new TestkitException("cannot read the output of " + command.get(0), e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
