package io.sitemove.wordpress.internal;

import io.sitemove.Server;
import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final String MTIMES = "d=$1; shift; for f do t=$(stat -c %Y -- \"$d/$f\" 2>/dev/null)"
            + " && printf '%s/%s\\0' \"$t\" \"$f\"; done";

    private UploadProbe() {
    }

    /**
     * The names that do not exist under the directory, in the order given.
     *
     * @param uploads the absolute uploads directory
     * @param files names relative to it, each checked to be safe (no {@code ..}, not absolute, no NUL)
     */
    public static Set<String> missing(Server server, String uploads, List<String> files) {
        return new LinkedHashSet<>(ask(server, uploads, files, MISSING));
    }

    /**
     * The modification times (seconds since the epoch) of the names that exist under the directory; the
     * others are left out.
     *
     * @param uploads the absolute uploads directory
     * @param files names relative to it, each checked to be safe
     */
    public static Map<String, Long> mtimes(Server server, String uploads, List<String> files) {
        Map<String, Long> mtimes = new LinkedHashMap<>();
        for (String line : ask(server, uploads, files, MTIMES)) {
            int slash = line.indexOf('/');
            mtimes.put(line.substring(slash + 1), Long.parseLong(line.substring(0, slash)));
        }
        return mtimes;
    }

    private static List<String> ask(Server server, String uploads, List<String> files, String script) {
        List<String> answers = new ArrayList<>();
        if (files.isEmpty()) {
            return answers;
        }
        try (SshConnection ssh = SshConnection.open(server)) {
            for (int from = 0; from < files.size(); from += BATCH) {
                List<String> batch = files.subList(from, Math.min(files.size(), from + BATCH));
                List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh", uploads));
                argv.addAll(batch);
                ExecResult result = ssh.exec(argv).requireSuccess("check " + batch.size() + " upload files under "
                        + uploads + " on " + server.name());
                for (String answer : new String(result.stdout(), StandardCharsets.UTF_8).split("\0")) {
                    if (!answer.isEmpty()) {
                        answers.add(answer);
                    }
                }
            }
        }
        return answers;
    }
}
