package io.sitemove.remote.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {

    private static final List<String> HOSTILE = List.of(
            "plain",
            "",
            "it's",
            "''",
            "'\\''",
            "$(touch /tmp/sitemove-pwned)",
            "`id`",
            "${HOME}",
            "a\nb\nc",
            "-rf",
            "--help",
            "semi;colon && amp | pipe > out < in",
            "back\\slash",
            "\"double\"",
            "tab\there",
            "*?[glob]~",
            "!bang #hash",
            "emoji \uD83D\uDE80 and \u00e9");

    @Test
    void quotesWithSingleQuotesAndEscapesEmbeddedOnes() {
        assertEquals("'it'\\''s'", ShellQuote.quote("it's"));
        assertEquals("''", ShellQuote.quote(""));
        assertEquals("'ls' '-l' 'a b'", ShellQuote.command(List.of("ls", "-l", "a b")));
    }

    @Test
    void hostileArgumentsRoundTripThroughARealShell() throws Exception {
        String script = "printf '%s\\0' " + ShellQuote.command(HOSTILE) + "\n";

        List<String> echoed = runShell(script);

        assertEquals(HOSTILE, echoed);
    }

    @Test
    void refusesNulBytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ShellQuote.quote("a\0b"));
        assertEquals("a shell argument cannot contain a NUL byte", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.command(List.of("ok", "bad\0")));
    }

    @Test
    void refusesEmptyCommandsAndNulls() {
        assertThrows(IllegalArgumentException.class, () -> ShellQuote.command(List.of()));
        assertThrows(NullPointerException.class, () -> ShellQuote.quote(null));
    }

    private static List<String> runShell(String script) throws IOException, InterruptedException {
        Process sh = new ProcessBuilder("sh", "-s").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = sh.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sh.getInputStream().transferTo(out);
        assertEquals(0, sh.waitFor(), "sh exit code");
        byte[] bytes = out.toByteArray();
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                parts.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        assertEquals(bytes.length, start, "output ends with a NUL");
        return parts;
    }
}
