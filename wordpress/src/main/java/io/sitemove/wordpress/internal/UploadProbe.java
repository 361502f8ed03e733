package io.sitemove.wordpress.internal;

import io.sitemove.Server;
import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks a server over SSH which files of an uploads directory are missing, in batches: one {@code sh}
 * per batch, the directory and the names passed as arguments (quoted by the connection), missing names
 * written back NUL-terminated.
 */
public final class UploadProbe {
    /** Names per remote command: well under any server's argument-length limit for WordPress's paths. */
    static final int BATCH = 400;
    private static final String MISSING = "d=$1; shift; for f do [ -e \"$d/$f\" ] || printf '%s\\0' \"$f\"; done";

    private UploadProbe() {
    }

    /**
     * The names that do not exist under the directory, in the order given.
     *
     * @param uploads the absolute uploads directory
     * @param files names relative to it, each checked to be safe (no {@code ..}, not absolute, no NUL)
     */
    public static Set<String> missing(Server server, String uploads, List<String> files) {
        Set<String> missing = new LinkedHashSet<>();
        if (files.isEmpty()) {
            return missing;
        }
        try (SshConnection ssh = SshConnection.open(server)) {
            for (int from = 0; from < files.size(); from += BATCH) {
                List<String> batch = files.subList(from, Math.min(files.size(), from + BATCH));
                List<String> argv = new ArrayList<>(List.of("sh", "-c", MISSING, "sh", uploads));
                argv.addAll(batch);
                ExecResult result = ssh.exec(argv).requireSuccess("check " + batch.size() + " upload files under "
                        + uploads);
                for (String name : new String(result.stdout(), StandardCharsets.UTF_8).split("\0")) {
                    if (!name.isEmpty()) {
                        missing.add(name);
                    }
                }
            }
        }
        return missing;
    }
}
