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
        Sides sides = new Sides(from, to);
        try (RemoteProcess create = sides.start(true, List.of("tar", "-cf", "-", "-C", from.root(),
                "--ignore-failed-read", "--null", "--verbatim-files-from", "--no-recursion", "-T", "-"));
             RemoteProcess extract = sides.start(false, List.of("sh", "-c", EXTRACT, "sh", to.root(),
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
            } catch (SideCut e) {
                abort(extract);
                abort(create);
                throw e.sending ? sides.lost(true, e.getCause()) : receiverFailure(sides, extract, e.getCause());
            } catch (IOException e) {
                abort(create);
                throw receiverFailure(sides, extract, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LostConnection.interrupted(from.ssh().server(), sides.doing(true), e);
            }
            int created = sides.waitFor(true, create);
            int extracted = sides.waitFor(false, extract);
            if (created > 1) {
                throw new RemoteCommandException("could not read files from " + from.where() + ": tar exited with code "
                        + created + "; stderr: " + create.stderrText().strip(), created);
            }
            boolean complete = created == 0 && create.stderrText().isBlank();
            if (!complete) {
                LOG.warn("tar on {} reported: {}", from.where(), create.stderrText().strip());
            }
            if (extracted != 0) {
                throw cannotWrite(to, extracted, extract.stderrText().strip());
            }
            return new Result(bytes, complete);
        }
    }

    /** Writing into the receiver failed: its tar's own words when it said why, else a lost connection. */
    private static RuntimeException receiverFailure(Sides sides, RemoteProcess extract, IOException cause) {
        int code = sides.waitFor(false, extract);
        String stderr = extract.stderrText().strip();
        if (code != 0 && !stderr.isEmpty()) {
            return cannotWrite(sides.to, code, stderr);
        }
        return sides.lost(false, cause);
    }

    private static RemoteCommandException cannotWrite(RemoteTree to, int code, String stderr) {
        return new RemoteCommandException("could not write files into " + to.where() + ": tar exited with code "
                + code + "; stderr: " + stderr + "; " + FailureHints.hint(stderr, to.ssh().server().name()), code);
    }

    /** The two ends of one relay, for starting and waiting on their commands and naming a lost one. */
    private record Sides(RemoteTree from, RemoteTree to) {
        String doing(boolean sending) {
            return sending ? "sending files from " + from.root() + " to " + to.where()
                    : "receiving files into " + to.root() + " from " + from.where();
        }

        SshConnectException lost(boolean sending, Throwable cause) {
            RemoteTree side = sending ? from : to;
            return LostConnection.of(side.ssh().server(), doing(sending), LostConnection.STAGED_RESUMES, cause);
        }

        RemoteProcess start(boolean sending, List<String> argv) {
            RemoteTree side = sending ? from : to;
            try {
                return side.ssh().start(argv);
            } catch (RuntimeException e) {
                throw LostConnection.retold(e, side.ssh().server(), doing(sending), LostConnection.STAGED_RESUMES);
            }
        }

        int waitFor(boolean sending, RemoteProcess process) {
            RemoteTree side = sending ? from : to;
            try {
                return process.waitFor();
            } catch (RuntimeException e) {
                throw LostConnection.retold(e, side.ssh().server(), doing(sending), LostConnection.STAGED_RESUMES);
            }
        }
    }

    /** An I/O failure of one end of the relay: reading from the sender, or writing to the receiver. */
    private static final class SideCut extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean sending;

        SideCut(boolean sending, IOException cause) {
            super(cause);
            this.sending = sending;
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static void abort(RemoteProcess process) {
        process.close();
    }

    private static long pump(InputStream in, OutputStream out, LongConsumer onBytes) throws SideCut {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                throw new SideCut(true, e);
            }
            if (n <= 0) {
                return total;
            }
            try {
                out.write(buffer, 0, n);
            } catch (IOException e) {
                throw new SideCut(false, e);
            }
            total += n;
            onBytes.accept(total);
        }
    }

    private static void feed(OutputStream stdin, List<FileEntry> entries) {
        try (OutputStream out = new BufferedOutputStream(stdin, 64 * 1024)) {
            RemoteTree.writeNulList(out, entries);
        } catch (IOException e) {
            LOG.debug("tar stopped reading its file list: {}", e.toString());
        }
    }
}
