package io.sitemove.wordpress;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * PHP's own unserialize as the judge of a serialized value: the value goes to {@code php} on standard input
 * (never into PHP code); PHP unserializes it, checks that every string inside that looks serialized
 * unserializes too, and serializes it again. Tests are skipped where no {@code php} is installed.
 */
final class PhpJudge {
    private static final String SCRIPT = String.join("\n",
            "$v = stream_get_contents(STDIN);",
            "$u = @unserialize($v);",
            "if ($u === false && $v !== 'b:0;') { echo 'UNSERIALIZE FAILED'; exit(3); }",
            "$broken = 0;",
            "$walk = function ($x) use (&$walk, &$broken) {",
            "  if (is_string($x)) { if (preg_match('/^(a|O|s):\\d+:/', $x)) {",
            "      $i = @unserialize($x); if ($i === false) { $broken++; } else { $walk($i); } } return; }",
            "  if (is_array($x) || is_object($x)) { foreach ((array) $x as $m) { $walk($m); } }",
            "};",
            "$walk($u);",
            "if ($broken > 0) { echo 'NESTED BROKEN ' . $broken; exit(4); }",
            "echo serialize($u);");

    private PhpJudge() {
    }

    /** Whether a {@code php} command runs here. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("php", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** What PHP serializes again after unserializing {@code value}, or its complaint; skips the test without php. */
    static String reserialize(byte[] value) throws IOException, InterruptedException {
        assumeTrue(available(), "php is not installed: PHP's unserialize cannot judge the value");
        Process p = new ProcessBuilder("php", "-r", SCRIPT).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(value);
        }
        byte[] out;
        try (InputStream o = p.getInputStream()) {
            out = o.readAllBytes();
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("php did not finish within 30 s");
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
