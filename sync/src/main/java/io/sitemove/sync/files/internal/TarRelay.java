package io.sitemove.sync.files.internal;

import io.sitemove.remote.ssh.RemoteCommandException;
import io.sitemove.remote.ssh.RemoteProcess;
import io.sitemove.remote.ssh.SshConnectException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipes selected entries from one tree to another through this process: {@code tar -c} on the sender,
 * streamed into {@code tar -x} on the receiver. Links are archived as links, never followed.
 */
public final class TarRelay {
    private static final Logger LOG = LoggerFactory.getLogger(TarRelay.class);

    private static final String EXTRACT = "if [ \"$2\" = create ]; then mkdir -m 700 -- \"$1\" || exit 98; fi;"
            + " exec tar -xf - -C \"$1\" -p \"$3\"";

    private TarRelay() {
    }

    /**
     * What the relay did.
     *
     * @param bytes the archive bytes relayed
     * @param complete whether tar on the sender archived every entry without a word of warning (none
     *     vanished or changed meanwhile), so all arrived
     */
    public record Result(long bytes, boolean complete) {
    }

    /**
     * Sends the entries into {@code to}'s root (a staging directory), creating it first (mode 0700) when
     * {@code createRoot} is set.
     *
     * @param owners whether the receiving tar sets owners from the archive (by name where the receiver knows
     *     it, else by number), which needs root there
     * @param onBytes told the running byte count as the stream flows
     */
    public static Result relay(RemoteTree from, RemoteTree to, boolean createRoot, List<FileEntry> entries,
            boolean owners, LongConsumer onBytes) {
        try (RemoteProcess create = from.ssh().start(List.of("tar", "-cf", "-", "-C", from.root(),
                "--ignore-failed-read", "--null", "--verbatim-files-from", "--no-recursion", "-T", "-"));
             RemoteProcess extract = to.ssh().start(List.of("sh", "-c", EXTRACT, "sh", to.root(),
                     createRoot ? "create" : "keep", owners ? "--same-owner" : "--no-same-owner"))) {
            Thread feeder = new Thread(() -> feed(create.stdin(), entries), "sitemove-tar-list");
            feeder.setDaemon(true);
            feeder.start();
            long bytes;
            try {
                bytes = pump(create.stdout(), extract.stdin(), onBytes);
                extract.stdin().close();
                extract.stdout().transferTo(OutputStream.nullOutputStream());
                feeder.join();
            } catch (IOException e) {
                abort(extract);
                abort(create);
                int code = extract.waitFor();
                String stderr = extract.stderrText().strip();
                if (code != 0 && !stderr.isEmpty()) {
                    throw new RemoteCommandException("could not write files into " + to.where() + ": tar exited with"
                            + " code " + code + ", stderr: " + stderr + "; "
                            + FailureHints.hint(stderr, to.ssh().server().name()), code);
                }
                throw new SshConnectException("copying from " + from.where() + " to " + to.where() + " broke: "
                        + e.getMessage() + "; try again", e, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SshConnectException("interrupted while copying from " + from.where(), e, true);
            }
            int created = create.waitFor();
            int extracted = extract.waitFor();
            if (created > 1) {
                throw new RemoteCommandException("could not read files from " + from.where() + ": tar exited with code "
                        + created + "; stderr: " + create.stderrText().strip(), created);
            }
            boolean complete = created == 0 && create.stderrText().isBlank();
            if (!complete) {
                LOG.warn("tar on {} reported: {}", from.where(), create.stderrText().strip());
            }
            if (extracted != 0) {
                String stderr = extract.stderrText().strip();
                throw new RemoteCommandException("could not write files into " + to.where() + ": tar exited with code "
                        + extracted + "; stderr: " + stderr + "; " + FailureHints.hint(stderr, to.ssh().server().name()),
                        extracted);
            }
            return new Result(bytes, complete);
        }
    }

    private static void abort(RemoteProcess process) {
        process.close();
    }

    private static long pump(InputStream in, OutputStream out, LongConsumer onBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            total += n;
            onBytes.accept(total);
        }
        return total;
    }

    private static void feed(OutputStream stdin, List<FileEntry> entries) {
        try (OutputStream out = new BufferedOutputStream(stdin, 64 * 1024)) {
            RemoteTree.writeNulList(out, entries);
        } catch (IOException e) {
            LOG.debug("tar stopped reading its file list: {}", e.toString());
        }
    }
}
