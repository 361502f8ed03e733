package io.sitemove.sync.files.internal;

import io.sitemove.remote.ssh.ExecResult;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the root directory's own mtime: the listings cover what is below the root, and placing or
 * deleting entries there moves the receiving root's mtime, so it is set last, to the sending root's.
 * Best effort: a root the SSH user may not touch (owned by another user) keeps its mtime with a warning.
 */
final class RootTime {
    private static final Logger LOG = LoggerFactory.getLogger(RootTime.class);

    private RootTime() {
    }

    /** Gives the receiving root the sending root's mtime (whole seconds). */
    static void keep(String name, RemoteTree sender, RemoteTree receiver) {
        ExecResult stat = sender.ssh().exec(List.of("stat", "-L", "-c", "%Y", "--", sender.root()));
        String seconds = stat.stdoutText().strip();
        if (stat.exitCode() != 0 || !seconds.matches("\\d+")) {
            LOG.warn("{}: could not read the mtime of {} ({}); the receiving root keeps its own", name,
                    sender.where(), stat.stderr().strip());
            return;
        }
        ExecResult touch = receiver.ssh().exec(List.of("touch", "-c", "-d", "@" + seconds, "--", receiver.root()));
        if (touch.exitCode() != 0) {
            LOG.warn("{}: could not set the mtime of {} to the source root's ({}): {}", name, receiver.where(),
                    seconds, touch.stderr().strip());
        }
    }
}
