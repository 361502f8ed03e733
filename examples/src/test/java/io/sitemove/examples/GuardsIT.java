package io.sitemove.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Migration;
import io.sitemove.MigrationException;
import io.sitemove.MigrationPlan;
import io.sitemove.MigrationStatus.State;
import io.sitemove.Phase;
import io.sitemove.PhaseOrderException;
import io.sitemove.Secret;
import io.sitemove.remote.ssh.HostKeyException;
import io.sitemove.event.MigrationListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestMethodOrder;

/** What stops a migration: phases out of order, a changed host key, a wrong TSIG key. Each leaves nothing half-done. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuardsIT {
    @RegisterExtension
    static final DemoServers demo = new DemoServers();

    MigrationPlan plan(SiteSettings s, String journal) {
        return MigrateOneSite.plan(s, demo.work().resolve(journal), new MigrationListener() { });
    }

    static boolean targetIsEmpty() throws Exception {
        try (Stream<Path> files = Files.list(demo.kit().newSsh().root())) {
            return files.findAny().isEmpty();
        }
    }

    @Test
    @Order(1)
    void aCutoverBeforeTheInitialSyncIsRefusedNamingTheMissingPhase() throws Exception {
        Migration m = Migration.open(plan(demo.settings(), "early"));
        m.runTo(Phase.PREFLIGHT);

        PhaseOrderException e = assertThrows(PhaseOrderException.class, m::cutover);

        assertEquals(Phase.INITIAL_SYNC, e.missing());
        assertTrue(e.getMessage().contains("INITIAL_SYNC has not completed"), e.getMessage());
        assertFalse(Files.exists(demo.kit().oldSsh().root().resolve(".maintenance")), "the source was not touched");
        assertTrue(targetIsEmpty());
    }

    @Test
    @Order(1)
    void aChangedHostKeyStopsTheRunBeforeAnythingIsCopied() throws Exception {
        Path otherKey = demo.work().resolve("impostor-key");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        String impostor = Files.readString(Path.of(otherKey + ".pub")).trim().split(" ", 3)[1];
        List<String> lines = Files.readAllLines(demo.kit().knownHosts()).stream()
                .map(l -> l.startsWith("[" + demo.kit().newSsh().host() + "]") ? l.replaceAll("AAAA\\S+", impostor) : l).toList();
        Path changedKnownHosts = demo.work().resolve("known_hosts_changed");
        Files.write(changedKnownHosts, lines, StandardCharsets.UTF_8);
        Migration m = Migration.open(plan(demo.settings().withKnownHosts(changedKnownHosts), "hostkey"));

        HostKeyException e = assertThrows(HostKeyException.class, () -> m.runTo(Phase.INITIAL_SYNC));

        assertTrue(e.getMessage().toLowerCase().contains("host key"), e.getMessage());
        assertTrue(e.getMessage().contains(demo.kit().newSsh().host()), e.getMessage());
        assertEquals(HostKeyException.Refusal.CHANGED_KEY, e.refusal());
        assertEquals("new", e.server().name());
        assertTrue(e.fingerprint().orElseThrow().startsWith("SHA256:"), e.fingerprint().toString());
        assertEquals(java.util.Optional.of(Phase.PREFLIGHT), e.phase());
        assertEquals(State.FAILED, m.status().state());
        assertEquals(Phase.PREFLIGHT, m.status().phase());
        assertTrue(targetIsEmpty(), "nothing was copied");
    }

    @Test
    @Order(1)
    void aWrongTsigKeyIsCaughtByPreflight() {
        SiteSettings wrong = demo.settings().withTsigSecret(Secret.of(Base64.getEncoder().encodeToString(new byte[32])));
        Migration m = Migration.open(plan(wrong, "tsig-preflight"));

        MigrationException e = assertThrows(MigrationException.class, () -> m.runTo(Phase.INITIAL_SYNC));

        assertTrue(e.getMessage().contains("TSIG"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong.tsigSecret().reveal()), "the secret never shows");
        assertEquals(Phase.PREFLIGHT, m.status().phase());
    }

    @Test
    @Order(2)
    void aWrongTsigKeyAtTheCutoverLeavesDnsUntouchedAndRollbackRestoresTheSource() throws Exception {
        MigrationPlan good = Plans.withoutTtlWait(plan(demo.settings(), "tsig-cutover"));
        Migration m = Migration.open(good);
        MigrateOneSite.throughMoratorium(m, 1, () -> { });
        String wrongSecret = Base64.getEncoder().encodeToString(new byte[32]);
        MigrationPlan wrongKey = Plans.withoutTtlWait(plan(demo.settings().withTsigSecret(Secret.of(wrongSecret)), "tsig-cutover"));

        MigrationException e = assertThrows(MigrationException.class, () -> Migration.open(wrongKey).cutover());

        assertTrue(e.getMessage().contains("TSIG"), e.getMessage());
        assertFalse(e.getMessage().contains(wrongSecret));
        assertEquals("127.0.0.2", IndependentCheck.digA(demo.kit().dns().host(), demo.kit().dns().port(), Demo.SITE_NAME));
        assertEquals("127.0.0.2", IndependentCheck.digA(demo.kit().dns().host(), demo.kit().dns().port(), "www." + Demo.SITE_NAME));

        Migration back = Migration.open(good);
        assertEquals(State.ROLLED_BACK, back.rollback().state());
        assertFalse(Files.exists(demo.kit().oldSsh().root().resolve(".maintenance")), "the source serves again");
        assertEquals("127.0.0.2", IndependentCheck.digA(demo.kit().dns().host(), demo.kit().dns().port(), Demo.SITE_NAME));
        assertEquals(4, digTtl(Demo.SITE_NAME), "the original TTL is back");
    }

    static long digTtl(String name) throws Exception {
        Process p = new ProcessBuilder("dig", "+noall", "+answer", "+norec", "@" + demo.kit().dns().host(), "-p",
                Integer.toString(demo.kit().dns().port()), name, "A").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        return Long.parseLong(out.split("\\s+")[1]);
    }
}
