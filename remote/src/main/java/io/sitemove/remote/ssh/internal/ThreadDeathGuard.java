package io.sitemove.remote.ssh.internal;

import io.sitemove.Server;
import io.sitemove.remote.ssh.SshConnectException;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import net.schmizz.sshj.transport.Transport;
import net.schmizz.sshj.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread group of one connection's sshj threads (its packet reader and its keep-alive), which
 * fails the connection when one of them dies of an error. sshj catches exceptions in those threads
 * but not errors such as {@link OutOfMemoryError}; a reader that stops that way leaves every
 * command's output waiting forever, and the keep-alive, which only runs while the reader does,
 * never notices. Failing the transport wakes every waiting reader and writer with the cause, so
 * the sync stops with an error instead of hanging.
 */
public final class ThreadDeathGuard extends ThreadGroup {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadDeathGuard.class);

    private final String server;
    private volatile Transport transport;

    @SuppressWarnings("removal")
    private ThreadDeathGuard(String server) {
        super("sitemove-ssh-" + server);
        // a daemon group goes once its last thread has ended; on Java 17 its parent would keep any other
        setDaemon(true);
        this.server = server;
    }

    /**
     * Runs {@code open} on a thread of a new guard, so that the threads sshj starts while it builds
     * and connects the client belong to the guard, and returns what it returned. Errors and runtime
     * exceptions pass through.
     */
    public static <T> T run(Server server, Callable<T> open) {
        ThreadDeathGuard guard = new ThreadDeathGuard(server.name());
        FutureTask<T> task = new FutureTask<>(open);
        Thread opener = new Thread(guard, task, "sitemove-ssh-connect-" + server.name());
        opener.setDaemon(true);
        opener.start();
        try {
            return task.get();
        } catch (InterruptedException e) {
            opener.interrupt();
            closeWhenDone(task);
            Thread.currentThread().interrupt();
            throw SshConnectException.interrupted(server, "connecting", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("connecting to " + server.name() + " failed: " + cause, cause);
        }
    }

    /** Closes what the abandoned task still opens, once it has. */
    private static void closeWhenDone(FutureTask<?> task) {
        Thread closer = new Thread(() -> {
            try {
                if (task.get() instanceof AutoCloseable opened) {
                    opened.close();
                }
            } catch (Exception ignored) {
                // it failed to open, or to close: nothing is left open either way
            }
        }, "sitemove-ssh-abandoned");
        closer.setDaemon(true);
        closer.start();
    }

    /** Names the transport to fail; called on the thread {@link #run} started, before sshj starts its threads. */
    public static void watch(Transport transport) {
        if (Thread.currentThread().getThreadGroup() instanceof ThreadDeathGuard guard) {
            guard.transport = transport;
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        LOG.error("server {}: SSH thread {} died: {}; closing the connection", server, thread.getName(), e.toString(), e);
        Transport t = transport;
        if (t != null) {
            try {
                t.die(new TransportException("the SSH connection to " + server + " lost its thread " + thread.getName()
                        + " to " + e, e));
            } catch (RuntimeException | Error again) {
                LOG.debug("could not close the connection to {}: {}", server, again.toString());
            }
        }
    }
}
