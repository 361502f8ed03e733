package io.sitemove.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@link Testkit} started and must undo: its server processes (stopped by pid, all at
 * once: SIGTERM, up to 10 s, then SIGKILL) and clean-up actions, also run by a JVM shutdown hook.
 */
final class Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final List<ManagedProcess> processes = new CopyOnWriteArrayList<>();
    private final List<Runnable> cleanups = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::closeFromHook, "sitemove-testkit-shutdown");

    Lifecycle() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    ManagedProcess start(String name, List<String> command, java.nio.file.Path log) {
        if (closed.get()) {
            throw new TestkitException("the testkit is closed; cannot start " + name);
        }
        ManagedProcess process = ManagedProcess.start(name, command, log);
        processes.add(process);
        return process;
    }

    void stop(ManagedProcess process) {
        process.stop();
        processes.remove(process);
    }

    void kill(ManagedProcess process) {
        process.kill();
        processes.remove(process);
    }

    void onClose(Runnable cleanup) {
        cleanups.add(cleanup);
    }

    List<Long> pids() {
        return processes.stream().map(ManagedProcess::pid).toList();
    }

    void close() {
        if (closeOnce()) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shutdownInProgress) {
                LOG.debug("JVM shutting down; hook already running");
            }
        }
    }

    private void closeFromHook() {
        closeOnce();
    }

    private boolean closeOnce() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        List<ManagedProcess> running = new ArrayList<>(processes);
        running.forEach(ManagedProcess::terminate);
        Instant deadline = Instant.now().plusSeconds(10);
        running.forEach(process -> process.awaitExit(deadline));
        for (Runnable cleanup : cleanups) {
            try {
                cleanup.run();
            } catch (RuntimeException e) {
                LOG.warn("clean-up failed: {}", e.toString());
            }
        }
        LOG.info("stopped {} server processes", running.size());
        return true;
    }
}
