package io.sitemove.remote.ssh;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What one remote command returned.
 *
 * <pre>{@code
 * String kernel = ssh.exec(List.of("uname", "-r")).requireSuccess("read the kernel version").stdoutText();
 * }</pre>
 *
 * @param exitCode the command's exit code (255 when it was killed by a signal or the exit code was lost)
 * @param stdout everything it wrote to standard output
 * @param stderr the tail of what it wrote to standard error, as text
 * @param origin where it ran and what it was, for messages ("old (site@203.0.113.10:22): 'tar' '-cf' ...")
 */
public record ExecResult(int exitCode, byte[] stdout, String stderr, String origin) {
    private static final int STDERR_TAIL = 2000;

    public ExecResult {
        Objects.requireNonNull(stdout, "stdout cannot be null");
        Objects.requireNonNull(stderr, "stderr cannot be null");
        Objects.requireNonNull(origin, "origin cannot be null");
    }

    /** A result without a known origin. */
    public ExecResult(int exitCode, byte[] stdout, String stderr) {
        this(exitCode, stdout, stderr, "a remote command");
    }

    /** Standard output decoded as UTF-8. */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** True when the exit code is 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /**
     * Returns this result when the command succeeded.
     *
     * @param what what the command was for ("list files under /var/www"), for the message
     * @throws RemoteCommandException naming the server, the command, the exit code and stderr's tail otherwise
     */
    public ExecResult requireSuccess(String what) {
        if (exitCode == 0) {
            return this;
        }
        String tail = stderr.strip();
        if (tail.length() > STDERR_TAIL) {
            tail = "..." + tail.substring(tail.length() - STDERR_TAIL);
        }
        throw new RemoteCommandException("could not " + what + ": " + origin + " exited with code " + exitCode
                + (tail.isEmpty() ? " and no error output" : "; stderr: " + tail), exitCode);
    }

    @Override
    public String toString() {
        return "ExecResult[exitCode=" + exitCode + ", stdout=" + stdout.length + " bytes, origin=" + origin + "]";
    }
}
