package io.sitemove.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the chosen servers concurrently; on any failure stops those already started. */
final class Startup {

    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);
    private static final List<String> MANAGED_DIRS = List.of("old", "new", "dns", "dns-secondary", "client", "run");

    /**
     * Which servers to start.
     *
     * @param dnsSecondary whether to start a secondary BIND besides the primary
     * @param notifySecondary whether the primary sends the secondary a NOTIFY after each change
     */
    record Options(boolean ssh, boolean mariaDb, boolean dns, boolean dnsSecondary, boolean notifySecondary,
            boolean web, String siteRecords, List<String> mariaDbOptions) {
    }

    private Startup() {
    }

    static Testkit start(Path requestedWorkDir, Options options) {
        long started = System.nanoTime();
        Path workDir = requestedWorkDir.toAbsolutePath().normalize();
        Dirs.create(workDir);
        MANAGED_DIRS.forEach(name -> Dirs.deleteTree(workDir.resolve(name)));
        Lifecycle lifecycle = new Lifecycle();
        try {
            StartedServers servers = new StartedServers();
            Path socketDir = SocketDir.create(workDir, lifecycle);
            for (Side side : Side.values()) {
                Dirs.create(side.siteRoot(workDir));
            }
            runAll(tasks(workDir, socketDir, lifecycle, options, servers));
            LOG.info("testkit started in {} ms under {}", (System.nanoTime() - started) / 1_000_000, workDir);
            return new Testkit(workDir, lifecycle, servers);
        } catch (RuntimeException | Error e) {
            lifecycle.close();
            throw e;
        }
    }

    private static List<Runnable> tasks(Path workDir, Path socketDir, Lifecycle lifecycle, Options options,
            StartedServers servers) {
        List<Runnable> tasks = new ArrayList<>();
        if (options.mariaDb()) {
            MariaDbLauncher mariaDb = new MariaDbLauncher(lifecycle, workDir, socketDir, options.mariaDbOptions());
            tasks.add(() -> servers.oldDb = mariaDb.start(Side.OLD, true));
            tasks.add(() -> servers.newDb = mariaDb.start(Side.NEW, false));
        }
        if (options.ssh()) {
            tasks.add(() -> startSsh(workDir, lifecycle, servers));
        }
        if (options.dns()) {
            tasks.add(() -> {
                DnsLauncher.Started dns = new DnsLauncher(lifecycle, workDir)
                        .start(options.siteRecords(), options.dnsSecondary(), options.notifySecondary());
                servers.dnsSecondary = dns.secondary();
                servers.dns = dns.primary();
            });
        }
        if (options.web()) {
            tasks.add(() -> {
                List<WebServer> web = new WebLauncher(lifecycle, workDir, socketDir).start();
                servers.oldWeb = web.get(0);
                servers.newWeb = web.get(1);
            });
        }
        return tasks;
    }

    private static void startSsh(Path workDir, Lifecycle lifecycle, StartedServers servers) {
        Path clientDir = workDir.resolve("client");
        ClientKey key = ClientKey.create(clientDir);
        SshLauncher launcher = new SshLauncher(lifecycle, workDir);
        SshServer oldSsh = launcher.start(Side.OLD, key);
        SshServer newSsh = launcher.start(Side.NEW, key);
        Path knownHosts = clientDir.resolve("known_hosts");
        Dirs.write(knownHosts, knownHostsLine(oldSsh) + knownHostsLine(newSsh));
        servers.sshLauncher = launcher;
        servers.clientKey = key.privateKey();
        servers.knownHosts = knownHosts;
        servers.oldSsh = oldSsh;
        servers.newSsh = newSsh;
    }

    private static String knownHostsLine(SshServer server) {
        return "[" + server.host() + "]:" + server.port() + " " + server.hostKeyLine() + "\n";
    }

    private static void runAll(List<Runnable> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size(), task -> {
            Thread thread = new Thread(task, "testkit-start-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = tasks.stream().<Future<?>>map(pool::submit).toList();
            TestkitException failure = null;
            for (Future<?> future : futures) {
                TestkitException taskFailure = outcome(future);
                if (failure == null) {
                    failure = taskFailure;
                } else if (taskFailure != null) {
                    failure.addSuppressed(taskFailure);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static TestkitException outcome(Future<?> future) {
        try {
            future.get();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TestkitException("interrupted while starting the testkit", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return cause instanceof TestkitException testkitException
                    ? testkitException
                    : new TestkitException("cannot start the testkit: " + cause, cause);
        }
    }
}
