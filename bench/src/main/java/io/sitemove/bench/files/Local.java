package io.sitemove.bench.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs commands on this machine (where the testkit's servers live) and fails loudly. */
final class Local {
    private Local() {
    }

    /** Runs the command, returns its standard output; throws with its output when it fails. */
    static String run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("command failed with code " + exit + ": " + argv + "\n" + out);
        }
        return out;
    }

    /** Runs a shell script. */
    static String sh(String script) throws IOException, InterruptedException {
        return run(List.of("sh", "-c", script));
    }
}
