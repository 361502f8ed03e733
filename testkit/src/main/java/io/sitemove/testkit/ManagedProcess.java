package io.sitemove.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One server process started by the testkit: its output goes to a log file, and it is stopped by pid. */
final class ManagedProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);

    private final String name;
    private final Process process;
    private final Path log;
    private volatile List<ProcessHandle> descendants = List.of();

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, List<String> command, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        try {
            Process process = builder.start();
            LOG.debug("started {} (pid {}): {}", name, process.pid(), command);
            return new ManagedProcess(name, process, log);
        } catch (IOException e) {
            throw new TestkitException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Builds the exception for a failed start: the message ends with the last lines of the log. */
    TestkitException failure(String what) {
        String message = name + " " + what + "; last lines of " + log + ":\n" + LogTail.read(log, LogTail.LINES);
        return LogTail.mentionsPortInUse(log) ? new PortInUseException(message) : new TestkitException(message);
    }

    void requireAlive() {
        if (!process.isAlive()) {
            throw failure("exited with code " + process.exitValue());
        }
    }

    /** Sends SIGTERM, remembering its children so that none outlives it. */
    void terminate() {
        if (process.isAlive()) {
            descendants = process.descendants().toList();
            process.destroy();
        }
    }

    /** Waits for the process to end until the deadline, then kills it and any child left behind. */
    void awaitExit(Instant deadline) {
        if (!waitFor(process.toHandle(), deadline)) {
            LOG.warn("{} (pid {}) did not stop on SIGTERM; killing it", name, process.pid());
            process.destroyForcibly();
            waitFor(process.toHandle(), Instant.now().plusSeconds(2));
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroy();
                if (!waitFor(child, Instant.now().plusSeconds(2))) {
                    child.destroyForcibly();
                }
            }
        }
    }

    /**
     * Ends the process and every descendant it has now with SIGKILL, as a crash would: none of them
     * gets a chance to say goodbye to its peers. Returns once all have exited (or 10 s passed).
     */
    void kill() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        Instant deadline = Instant.now().plusSeconds(10);
        waitFor(process.toHandle(), deadline);
        tree.forEach(child -> waitFor(child, deadline));
    }

    void stop() {
        terminate();
        awaitExit(Instant.now().plusSeconds(10));
    }

    private static boolean waitFor(ProcessHandle handle, Instant deadline) {
        long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        try {
            handle.onExit().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return !handle.isAlive();
        }
    }
}
