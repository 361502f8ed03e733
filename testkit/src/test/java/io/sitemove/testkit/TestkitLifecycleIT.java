package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TestkitLifecycleIT {

    private static final Logger LOG = LoggerFactory.getLogger(TestkitLifecycleIT.class);

    @Test
    void startsEverythingInSecondsAndCloseLeavesNoProcessNorPortBehind() {
        long started = System.nanoTime();
        Testkit testkit = Testkit.builder(workDir("full")).ssh().mariaDb().dns().web().start();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info("full testkit started in {} ms", millis);
        List<Long> pids = testkit.pids();
        List<String> tcp = List.of(
                testkit.oldSsh().host() + ":" + testkit.oldSsh().port(),
                testkit.newSsh().host() + ":" + testkit.newSsh().port(),
                testkit.oldDb().host() + ":" + testkit.oldDb().port(),
                testkit.newDb().host() + ":" + testkit.newDb().port(),
                testkit.oldWeb().host() + ":" + testkit.oldWeb().port(),
                testkit.newWeb().host() + ":" + testkit.newWeb().port());
        DnsServer dns = testkit.dns();
        assertEquals(9, pids.size(), "2 sshd, 2 mariadbd, named, 2 php-fpm, 2 nginx");
        assertTrue(pids.stream().allMatch(TestkitLifecycleIT::alive));

        testkit.close();
        testkit.close();

        assertTrue(pids.stream().noneMatch(TestkitLifecycleIT::alive), "a server outlived close()");
        for (String address : tcp) {
            String[] hostPort = address.split(":");
            assertTrue(Ports.isFree(hostPort[0], Integer.parseInt(hostPort[1]), false), address + " still taken");
        }
        assertTrue(Ports.isFree(dns.host(), dns.port(), true), "DNS port still taken");
        Dirs.deleteTree(testkit.workDir());
    }

    @Test
    void aServerThatFailsToStartShowsItsLogAndTheOthersAreStopped() {
        Path workDir = workDir("broken");
        Testkit.Builder builder = Testkit.builder(workDir).ssh().dns().dnsRecords("site IN A not-an-address");

        TestkitException failure = assertThrows(TestkitException.class, builder::start);

        assertTrue(failure.getMessage().startsWith("named could not load the zone; last lines of "),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("not-an-address"), failure.getMessage());
        assertTrue(ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive),
                "servers left running after a failed start");
        Dirs.deleteTree(workDir);
    }

    @Test
    void asksForServersThatWereNotChosen() {
        try (Testkit testkit = Testkit.builder(workDir("empty")).start()) {
            IllegalStateException notStarted = assertThrows(IllegalStateException.class, testkit::oldSsh);

            assertEquals("not started: call ssh() on the Testkit builder", notStarted.getMessage());
            assertFalse(testkit.pids().iterator().hasNext());
            Dirs.deleteTree(testkit.workDir());
        }
    }

    private static Path workDir(String name) {
        return Path.of("target", "testkit", "TestkitLifecycleIT-" + name + "-" + Secrets.lowercaseToken(6));
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
