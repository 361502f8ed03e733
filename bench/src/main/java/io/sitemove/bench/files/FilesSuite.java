package io.sitemove.bench.files;

import io.sitemove.Server;
import io.sitemove.bench.BenchContext;
import io.sitemove.bench.BenchSyncContext;
import io.sitemove.bench.Suite;
import io.sitemove.bench.Timing;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncMode;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.sync.files.Strategy;
import io.sitemove.remote.ssh.ShellQuote;
import io.sitemove.testkit.SshServer;
import io.sitemove.testkit.Testkit;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "files" suite: a WordPress-like tree on the old server, copied to the new one by sitemove and by
 * the tools a user would otherwise run (rsync pushed from the old server, a tar pipe and a cat pipe
 * through this machine), alternately, the target reset untimed between runs; every tree is checked
 * against the source with rsync's own dry run afterwards.
 */
public final class FilesSuite implements Suite {
    private static final String SUITE = "files";
    private static final String PEER_ALIAS = "sitemove-receiver";

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public void run(BenchContext ctx) throws Exception {
        new Run(ctx).all();
    }

    /** One run of the suite: paths, servers and the peer's key. */
    private static final class Run {
        private final BenchContext ctx;
        private final Testkit kit;
        private final int runs;
        private final Path source;
        private final Path target;
        private final Path work;
        private final Server oldServer;
        private final Server newServer;
        private Path peerKey;
        private String peerKeyLine;

        Run(BenchContext ctx) {
            this.ctx = ctx;
            this.kit = ctx.kit();
            this.runs = ctx.quick() ? 1 : 3;
            this.source = kit.oldSsh().root().resolve("wp");
            this.target = kit.newSsh().root().resolve("wp");
            this.work = ctx.workDir();
            this.oldServer = server(kit.oldSsh());
            this.newServer = server(kit.newSsh());
        }

        private Server server(SshServer ssh) {
            return Server.builder(ssh.name()).host(ssh.host()).port(ssh.port()).user(ssh.user())
                    .identity(kit.clientKey()).knownHosts(kit.knownHosts()).build();
        }

        void all() throws Exception {
            Files.createDirectories(work);
            long t0 = System.nanoTime();
            List<String> files = SiteTree.of(ctx.quick()).generate(source);
            String size = Local.sh("du -sm " + ShellQuote.quote(source.toString())).split("\\s+")[0];
            ctx.out().note(String.format(Locale.ROOT, "files: generated %d files, %s MB in %.1f s; %d run(s) per side",
                    files.size(), size, (System.nanoTime() - t0) / 1e9, runs));
            authorisePeer();
            try {
                warmUp();
                initialDirect();
                initialRelay();
                deltaAndNoChange(files);
            } finally {
                unauthorisePeer();
                Local.run(List.of("rm", "-rf", "--", source.toString(), target.toString(), work.resolve("base").toString()));
            }
        }

        /**
         * Copies one small directory both ways, untimed, so the timed runs find the JVM as a panel's is
         * after its first site (classes loaded, code compiled) and do not charge that to the first run.
         */
        private void warmUp() throws Exception {
            Path warm = kit.newSsh().root().resolve("warm-up");
            for (Strategy strategy : List.of(Strategy.DIRECT, Strategy.RELAY)) {
                FileSyncer.builder().name("bench-warm-up").strategy(strategy)
                        .sourceRoot(source.resolve("wp-includes").toString()).targetRoot(warm.toString())
                        .authorizedKeysFile(Side.TARGET, kit.newSsh().authorizedKeys().toString()).build()
                        .sync(BenchSyncContext.of(oldServer, newServer, SyncMode.FULL));
                Local.run(List.of("rm", "-rf", "--", warm.toString()));
            }
            ctx.out().note("files: one untimed sync of wp-includes by each route warmed the JVM");
        }

        private FileSyncer syncer(Strategy strategy) {
            return FileSyncer.builder().name("bench-files").strategy(strategy).sourceRoot(source.toString())
                    .targetRoot(target.toString()).authorizedKeysFile(Side.TARGET, kit.newSsh().authorizedKeys().toString())
                    .build();
        }

        private void sitemove(Strategy strategy, SyncMode mode) {
            syncer(strategy).sync(BenchSyncContext.of(oldServer, newServer, mode));
        }

        /** Empties the target and writes back every dirty page, so no run pays for the one before it. */
        private void resetTarget() throws Exception {
            Local.run(List.of("rm", "-rf", "--", target.toString()));
            Local.run(List.of("sync"));
        }

        private void initialDirect() throws Exception {
            List<Double> mine = new ArrayList<>();
            List<Double> peer = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                resetTarget();
                mine.add(Timing.seconds(() -> sitemove(Strategy.DIRECT, SyncMode.FULL)));
                check(i == runs - 1);
                resetTarget();
                peer.add(Timing.seconds(() -> onOld(peerRsync("-a"))));
                check(false);
            }
            ctx.out().compare(SUITE, "initial-direct", Timing.median(mine), "rsync", Timing.median(peer));
        }

        /**
         * The relay against the tar and cat pipes, and against a tar pipe on this machine with no SSH at
         * all (what writing the files alone costs, since the cat pipe writes one); each run takes the four
         * in a rotated order, so that no tool always runs right after another's writes.
         */
        private void initialRelay() throws Exception {
            List<Double> mine = new ArrayList<>();
            List<Double> tar = new ArrayList<>();
            List<Double> cat = new ArrayList<>();
            List<Double> local = new ArrayList<>();
            long[] heap = {0};
            for (int i = 0; i < runs; i++) {
                boolean last = i == runs - 1;
                List<Timing.Action> tools = List.of(() -> {
                    resetTarget();
                    System.gc();
                    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
                    mine.add(Timing.seconds(() -> sitemove(Strategy.RELAY, SyncMode.FULL)));
                    heap[0] = Math.max(heap[0], peakHeap());
                    check(last);
                }, () -> {
                    resetTarget();
                    tar.add(Timing.seconds(() -> pipe(List.of("tar", "-cf", "-", "-C", source.toString(), "."),
                            "mkdir -p " + ShellQuote.quote(target.toString()) + " && exec tar -xf - -C "
                                    + ShellQuote.quote(target.toString()))));
                    check(false);
                }, () -> {
                    resetTarget();
                    Path blob = kit.newSsh().root().resolve("blob");
                    cat.add(Timing.seconds(() -> pipe(List.of("sh", "-c",
                            "cd \"$1\" && find . -type f -print0 | xargs -0 cat", "sh", source.toString()),
                            "exec cat > " + ShellQuote.quote(blob.toString()))));
                    Files.delete(blob);
                }, () -> {
                    resetTarget();
                    local.add(Timing.seconds(() -> Local.run(List.of("bash", "-o", "pipefail", "-c",
                            "mkdir -p \"$2\" && tar -cf - -C \"$1\" . | tar -xf - -C \"$2\"", "bash", source.toString(),
                            target.toString()))));
                    check(false);
                });
                Timing.inTurns(i, tools);
            }
            ctx.out().compare(SUITE, "initial-relay", Timing.median(mine), "tar-pipe", Timing.median(tar));
            ctx.out().compare(SUITE, "initial-relay", Timing.median(mine), "cat-pipe", Timing.median(cat));
            ctx.out().compare(SUITE, "initial-relay", Timing.median(mine), "local-tar-pipe", Timing.median(local));
            ctx.out().figure(SUITE, "heap", "peakHeapMB", String.format(Locale.ROOT, "%.1f", heap[0] / 1048576.0));
            ctx.out().figure(SUITE, "heap", "maxHeapMB", Long.toString(Runtime.getRuntime().maxMemory() / 1048576));
        }

        private void deltaAndNoChange(List<String> files) throws Exception {
            Path base = work.resolve("base");
            Local.run(List.of("rsync", "-a", "--delete", source + "/", target + "/"));
            Local.run(List.of("rm", "-rf", "--", base.toString()));
            Local.run(List.of("cp", "-al", target.toString(), base.toString()));
            int changed = mutate(files);
            ctx.out().note("files: delta of " + changed + " changed and " + changed + " added files");
            List<Double> mine = new ArrayList<>();
            List<Double> peer = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                Local.run(List.of("rsync", "-a", "--delete", base + "/", target + "/"));
                Local.run(List.of("sync"));
                mine.add(Timing.seconds(() -> sitemove(Strategy.AUTO, SyncMode.DELTA)));
                check(true);
                Local.run(List.of("rsync", "-a", "--delete", base + "/", target + "/"));
                Local.run(List.of("sync"));
                peer.add(Timing.seconds(() -> onOld(peerRsync("-a", "--delete"))));
                check(false);
            }
            ctx.out().compare(SUITE, "delta-1pct", Timing.median(mine), "rsync", Timing.median(peer));
            List<Double> still = new ArrayList<>();
            List<Double> peerStill = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                still.add(Timing.seconds(() -> sitemove(Strategy.AUTO, SyncMode.DELTA)));
                peerStill.add(Timing.seconds(() -> onOld(peerRsync("-a", "--delete"))));
            }
            check(false);
            ctx.out().figure(SUITE, "no-change", "seconds", String.format(Locale.ROOT, "%.3f", Timing.median(still)));
            ctx.out().compare(SUITE, "no-change", Timing.median(still), "rsync", Timing.median(peerStill));
        }

        /** Rewrites every hundredth file (a little longer, a new mtime) and adds as many new files. */
        private int mutate(List<String> files) throws Exception {
            SiteTree tree = SiteTree.of(ctx.quick());
            int n = 0;
            for (int i = 0; i < files.size(); i += 100) {
                String path = files.get(i);
                if (path.contains("/backups/")) {
                    continue;
                }
                long size = Files.size(source.resolve(path));
                tree.write(source, path, size + 100, 5_000_000L + i);
                Files.setLastModifiedTime(source.resolve(path),
                        java.nio.file.attribute.FileTime.fromMillis(1_750_000_000_000L + i * 1000L));
                String added = path.replaceFirst("([^/]*)$", "added-$1");
                tree.write(source, added, size, 6_000_000L + i);
                n++;
            }
            return n;
        }

        private static long peakHeap() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum;
        }

        /** The target equals the source (its root's own mtime aside), by rsync's dry run; by checksum when deep. */
        private void check(boolean deep) throws Exception {
            String out = Local.run(List.of("rsync", deep ? "-anc" : "-an", "--delete", "--itemize-changes",
                    source + "/", target + "/")).replace(".d..t...... ./\n", "");
            if (!out.isEmpty()) {
                throw new IllegalStateException("files: the target differs from the source after a run:\n" + out);
            }
        }

        private List<String> panelSsh(SshServer ssh) {
            return List.of("ssh", "-F", "/dev/null", "-i", kit.clientKey().toString(), "-p", Integer.toString(ssh.port()),
                    "-o", "UserKnownHostsFile=" + kit.knownHosts(), "-o", "BatchMode=yes", "-o",
                    "StrictHostKeyChecking=yes", "-o", "Compression=no", ssh.user() + "@" + ssh.host());
        }

        private void onOld(List<String> remote) throws Exception {
            List<String> argv = new ArrayList<>(panelSsh(kit.oldSsh()));
            argv.add(ShellQuote.command(remote));
            Local.run(argv);
        }

        private void pipe(List<String> fromOld, String intoNew) throws Exception {
            List<String> left = new ArrayList<>(panelSsh(kit.oldSsh()));
            left.add(ShellQuote.command(fromOld));
            List<String> right = new ArrayList<>(panelSsh(kit.newSsh()));
            right.add(intoNew);
            Local.run(List.of("bash", "-o", "pipefail", "-c", ShellQuote.command(left) + " | " + ShellQuote.command(right)));
        }

        /** rsync on the old server pushing to the new one, with the ssh options sitemove's direct transfer uses. */
        private List<String> peerRsync(String... options) {
            List<String> argv = new ArrayList<>(List.of("rsync"));
            argv.addAll(List.of(options));
            argv.addAll(List.of("-e", String.join(" ", List.of("ssh", "-p", Integer.toString(kit.newSsh().port()), "-i",
                    peerKey.toString(), "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=" + work.resolve("peer_known_hosts"),
                    "-o", "HostKeyAlias=" + PEER_ALIAS))));
            argv.addAll(List.of(source + "/", kit.newSsh().user() + "@" + kit.newSsh().host() + ":" + target + "/"));
            return argv;
        }

        private void authorisePeer() throws Exception {
            peerKey = work.resolve("peer_key");
            Files.deleteIfExists(peerKey);
            Files.deleteIfExists(work.resolve("peer_key.pub"));
            Local.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "sitemove-bench-peer", "-f",
                    peerKey.toString()));
            Files.writeString(work.resolve("peer_known_hosts"), PEER_ALIAS + " " + kit.newSsh().hostKeyLine() + "\n");
            peerKeyLine = Files.readString(work.resolve("peer_key.pub")).strip();
            Files.writeString(kit.newSsh().authorizedKeys(), peerKeyLine + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        }

        private void unauthorisePeer() throws Exception {
            Path keys = kit.newSsh().authorizedKeys();
            List<String> kept = Files.readAllLines(keys).stream().filter(l -> !l.equals(peerKeyLine)).toList();
            Files.write(keys, kept);
        }
    }
}
