package io.sitemove.remote.ssh;

import io.sitemove.remote.ssh.internal.ThreadDeathGuard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Server;
import io.sitemove.remote.TestServers;
import io.sitemove.testkit.SshServer;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithTestkit(ssh = true, mariaDb = false, dns = false)
class SshConnectionIT {

    @Test
    void runsACommandWithHostileArgumentsAndReportsItsExitCode(Testkit kit) {
        List<String> args = List.of("it's", "$(id)", "`id`", "a\nb", "-n", "");
        try (SshConnection ssh = SshConnection.open(TestServers.oldServer(kit))) {
            ExecResult echoed = ssh.exec(List.of("sh", "-c", "printf '%s\\0' \"$@\"; echo oops >&2; exit 3", "sh",
                    args.get(0), args.get(1), args.get(2), args.get(3), args.get(4), args.get(5)));

            assertEquals(3, echoed.exitCode());
            assertEquals(String.join("\0", args) + "\0", echoed.stdoutText());
            assertEquals("oops\n", echoed.stderr());
            RemoteCommandException e = assertThrows(RemoteCommandException.class, () -> echoed.requireSuccess("echo"));
            assertTrue(e.getMessage().contains("old (") && e.getMessage().contains("code 3")
                    && e.getMessage().contains("oops"), e.getMessage());
        }
    }

    /**
     * sshj's reader thread catches exceptions but not errors; one that dies of, say, an
     * OutOfMemoryError must fail the commands waiting on it rather than leave them waiting for ever.
     * The test kills the reader the way such an error would, with {@link Thread#stop()} (Java 17).
     */
    @Test
    @SuppressWarnings("deprecation")
    void failsTheWaitingCommandWhenTheReaderThreadDies(Testkit kit) throws Exception {
        SshServer old = kit.oldSsh();
        try (SshConnection ssh = SshConnection.open(TestServers.oldServer(kit));
             RemoteProcess stream = ssh.start(List.of("sh", "-c", "while :; do head -c 65536 /dev/zero; sleep 0.05; done"))) {
            byte[] buffer = new byte[65536];
            long read = 0;
            while (read < 256 * 1024) {
                read += stream.stdout().read(buffer);
            }
            List<Thread> readers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getThreadGroup() instanceof ThreadDeathGuard
                            && t.getName().startsWith("sshj-Reader-/" + old.host() + ":" + old.port() + "-"))
                    .toList();
            assertEquals(1, readers.size(), "the connection's reader thread, in its guard");
            readers.get(0).stop();

            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(IOException.class, () -> {
                while (stream.stdout().read(buffer) >= 0) {
                    // drain what had arrived before the reader died
                }
            }));
            assertTrue(String.valueOf(e.getMessage()).contains("lost its thread sshj-Reader"), String.valueOf(e));
        }
    }

    @Test
    void feedsStdinAndReturnsStdoutOfSeveralMegabytes(Testkit kit) {
        byte[] data = randomBytes(3 * 1024 * 1024 + 17);
        try (SshConnection ssh = SshConnection.open(TestServers.newServer(kit))) {
            ExecResult copied = ssh.exec(List.of("cat"), data).requireSuccess("cat");

            assertArrayEquals(data, copied.stdout());
        }
    }

    @Test
    void streamsThroughAStartedProcess(Testkit kit) throws Exception {
        byte[] data = randomBytes(4 * 1024 * 1024);
        try (SshConnection ssh = SshConnection.open(TestServers.oldServer(kit));
             RemoteProcess sha = ssh.start(List.of("sh", "-c", "cat; echo done >&2"))) {
            Thread writer = new Thread(() -> {
                try (OutputStream in = sha.stdin()) {
                    for (int off = 0; off < data.length; off += 65536) {
                        in.write(data, off, Math.min(65536, data.length - off));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            byte[] back = sha.stdout().readAllBytes();
            writer.join();

            assertEquals(0, sha.waitFor());
            assertArrayEquals(sha256(data), sha256(back));
            assertEquals("done\n", sha.stderrText());
        }
    }

    @Test
    void refusesAChangedHostKeyBeforeRunningAnything(Testkit kit, @TempDir Path dir) throws Exception {
        SshServer old = kit.oldSsh();
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[" + old.host() + "]:" + old.port() + " " + kit.newSsh().hostKeyLine() + "\n");
        Server server = Server.builder("old").host(old.host()).port(old.port()).user(old.user())
                .identity(kit.clientKey()).knownHosts(knownHosts).build();

        HostKeyException e = assertThrows(HostKeyException.class, () -> SshConnection.open(server));

        String expected = fingerprintOf(old.hostKeyLine());
        assertEquals(expected, e.fingerprint().orElseThrow());
        assertEquals(HostKeyException.Refusal.CHANGED_KEY, e.refusal());
        assertEquals(server, e.server());
        assertEquals(old.hostKeyLine().split(" ")[0], e.keyType().orElseThrow());
        String message = e.getMessage();
        assertTrue(message.contains("server old (" + old.host() + ":" + old.port() + ")"), message);
        assertTrue(message.contains("DIFFERENT"), message);
        assertTrue(message.contains(expected), message);
        assertTrue(message.contains(knownHosts.toString()), message);
        assertTrue(message.contains("Do not proceed"), message);
        assertFalse(e.isTransient());
        assertEquals(List.of("[" + old.host() + "]:" + old.port() + " " + kit.newSsh().hostKeyLine()),
                Files.readAllLines(knownHosts), "known_hosts is left as it was");
    }

    @Test
    void refusesAHostMissingFromKnownHosts(Testkit kit, @TempDir Path dir) throws Exception {
        SshServer old = kit.oldSsh();
        SshServer other = kit.newSsh();
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[" + other.host() + "]:" + other.port() + " " + other.hostKeyLine() + "\n");
        Server server = Server.builder("old").host(old.host()).port(old.port()).user(old.user())
                .identity(kit.clientKey()).knownHosts(knownHosts).build();

        HostKeyException e = assertThrows(HostKeyException.class, () -> SshConnection.open(server));

        assertTrue(e.getMessage().contains("not in known_hosts file " + knownHosts), e.getMessage());
        assertTrue(e.getMessage().contains(fingerprintOf(old.hostKeyLine())), e.getMessage());
        assertEquals(HostKeyException.Refusal.UNKNOWN_HOST, e.refusal());
        assertEquals(fingerprintOf(old.hostKeyLine()), e.fingerprint().orElseThrow());
        assertEquals(server, e.server());
    }

    @Test
    void refusesALoginWithTheWrongKeyWithoutShowingIt(Testkit kit, @TempDir Path dir) throws Exception {
        Path wrongKey = dir.resolve("wrong_ed25519");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", wrongKey.toString())
                .redirectErrorStream(true).start();
        keygen.getInputStream().readAllBytes();
        assertEquals(0, keygen.waitFor());
        SshServer old = kit.oldSsh();
        Server server = Server.builder("old").host(old.host()).port(old.port()).user(old.user())
                .identity(wrongKey).knownHosts(kit.knownHosts()).build();

        SshAuthException e = assertThrows(SshAuthException.class, () -> SshConnection.open(server));

        String message = e.getMessage();
        assertTrue(message.contains(old.user() + "@" + old.host() + ":" + old.port()), message);
        assertTrue(message.contains(wrongKey.toString()), message);
        String keyBody = Files.readAllLines(wrongKey).get(1);
        assertFalse(message.contains(keyBody), "the message shows no key material");
        assertFalse(e.isTransient());
        assertEquals(server, e.server());
        assertEquals(old.user(), e.user());
    }

    @Test
    void reportsAnUnreachableServerAsTransient(Testkit kit) throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        Server server = Server.builder("gone").host("127.0.0.1").port(closedPort).user("nobody")
                .identity(kit.clientKey()).knownHosts(kit.knownHosts()).build();

        SshConnectException e = assertThrows(SshConnectException.class, () -> SshConnection.open(server));

        assertTrue(e.isTransient());
        assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
        assertEquals(server, e.server().orElseThrow());
        assertFalse(e.timedOut(), "refused, not timed out");
    }

    private static String fingerprintOf(String hostKeyLine) throws Exception {
        byte[] blob = Base64.getDecoder().decode(hostKeyLine.split(" ")[1].getBytes(StandardCharsets.US_ASCII));
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(blob));
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] randomBytes(int n) {
        byte[] data = new byte[n];
        new Random(42).nextBytes(data);
        return data;
    }
}
