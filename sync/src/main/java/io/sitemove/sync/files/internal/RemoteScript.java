package io.sitemove.sync.files.internal;

import io.sitemove.remote.ssh.RemoteCommandException;
import io.sitemove.remote.ssh.RemoteProcess;
import io.sitemove.remote.ssh.ShellQuote;
import io.sitemove.remote.ssh.SshConnection;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a list of commands in one remote shell, in a given directory, stopping at the first that fails.
 * Every argument is quoted; the script streams to the shell's standard input, so its length has no limit.
 * Arguments are byte strings held as ISO-8859-1 text (remote file names); the directory is passed as a
 * parameter of the shell, not inside the script.
 */
public final class RemoteScript {
    private static final String PRELUDE = "cd -- \"$1\" || exit 97\n";

    private RemoteScript() {
    }

    /**
     * @param what what the commands do, for the message when one fails
     */
    public static void run(SshConnection ssh, String dir, List<List<String>> commands, String what) {
        if (commands.isEmpty()) {
            return;
        }
        try (Shell shell = start(ssh, dir)) {
            shell.run(commands, what);
        }
    }

    /**
     * Starts the shell now, to be given its commands later: the remote login (and whatever the account's
     * shell start-up files do) then overlaps other work instead of following it.
     */
    public static Shell start(SshConnection ssh, String dir) {
        return new Shell(ssh, dir, ssh.start(List.of("sh", "-e", "-s", "--", dir)));
    }

    /** A started shell waiting for its script; closing one that was given none ends it unused. */
    public static final class Shell implements AutoCloseable {
        private final SshConnection ssh;
        private final String dir;
        private final RemoteProcess sh;
        private boolean used;

        private Shell(SshConnection ssh, String dir, RemoteProcess sh) {
            this.ssh = ssh;
            this.dir = dir;
            this.sh = sh;
        }

        /**
         * Runs the commands, stopping at the first that fails; once per shell.
         *
         * @param what what the commands do, for the message when one fails
         */
        public void run(List<List<String>> commands, String what) {
            if (used) {
                throw new IllegalStateException("this shell on " + ssh.server() + " already ran its script");
            }
            used = true;
            RemoteScript.run(ssh, dir, sh, commands, what);
        }

        @Override
        public void close() {
            if (!used) {
                try {
                    sh.stdin().close();
                } catch (IOException e) {
                    // the shell is gone already
                }
            }
            sh.close();
        }
    }

    private static void run(SshConnection ssh, String dir, RemoteProcess sh, List<List<String>> commands,
            String what) {
        Thread feeder = new Thread(() -> feed(sh.stdin(), commands), "sitemove-script");
        feeder.setDaemon(true);
        feeder.start();
        try {
            sh.stdout().transferTo(OutputStream.nullOutputStream());
            feeder.join();
        } catch (IOException e) {
            throw LostConnection.of(ssh.server(), "trying to " + what + " under " + dir, LostConnection.REPEATS, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LostConnection.interrupted(ssh.server(), "trying to " + what + " under " + dir, e);
        }
        int exit;
        try {
            exit = sh.waitFor();
        } catch (RuntimeException e) {
            throw LostConnection.retold(e, ssh.server(), "trying to " + what + " under " + dir, LostConnection.REPEATS);
        }
        if (exit != 0) {
            String stderr = sh.stderrText().strip();
            throw new RemoteCommandException("could not " + what + " on " + ssh.server() + " under " + dir
                    + ": the shell exited with code " + exit + "; stderr: " + stderr + "; "
                    + FailureHints.hint(stderr, ssh.server().name()), exit);
        }
    }

    private static void feed(OutputStream stdin, List<List<String>> commands) {
        try (OutputStream out = new BufferedOutputStream(stdin, 64 * 1024)) {
            out.write(PRELUDE.getBytes(StandardCharsets.US_ASCII));
            for (List<String> argv : commands) {
                out.write(ShellQuote.command(argv).getBytes(StandardCharsets.ISO_8859_1));
                out.write('\n');
            }
        } catch (IOException e) {
            // the shell stopped reading: its exit code and stderr tell why
        }
    }
}
