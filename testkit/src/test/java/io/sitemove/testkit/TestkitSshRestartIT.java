package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

@FaultTest
class TestkitSshRestartIT {

    @Test
    void aStoppedSshdEndsItsOpenSessionsAndFreesItsPortAndARestartServesTheSamePortAndHostKey() throws Exception {
        try (Testkit testkit = Testkit.builder(Path.of("target/testkit/ssh-restart")).ssh().start()) {
            SshServer newSsh = testkit.newSsh();
            List<Long> before = testkit.pids();
            try (Socket session = new Socket()) {
                session.connect(new InetSocketAddress(newSsh.host(), newSsh.port()), 5000);
                session.setSoTimeout(10_000);
                assertTrue(banner(session.getInputStream()).startsWith("SSH-2.0-"));

                testkit.stopSsh(newSsh);

                assertEquals(-1, session.getInputStream().read(), "the open connection ends");
            }
            assertTrue(Ports.isFree(newSsh.host(), newSsh.port(), false), "the port is free once stopped");
            assertEquals(before.size() - 1, testkit.pids().size(), "the killed sshd is no longer the testkit's");
            assertTrue(Ports.greetsWithSsh(testkit.oldSsh().host(), testkit.oldSsh().port()), "the other one runs");
            assertThrows(IllegalStateException.class, () -> testkit.stopSsh(newSsh));

            testkit.restartSsh(newSsh);

            assertTrue(Ports.greetsWithSsh(newSsh.host(), newSsh.port()), "the same port again");
            assertEquals(before.size(), testkit.pids().size());
            assertFalse(testkit.pids().containsAll(before), "a new process");
            assertThrows(IllegalStateException.class, () -> testkit.restartSsh(newSsh));
        }
    }

    private static String banner(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
