package io.sitemove.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.CutoverTooEarlyException;
import io.sitemove.Gate;
import io.sitemove.Migration;
import io.sitemove.MigrationPlan;
import io.sitemove.MigrationReport;
import io.sitemove.MigrationStatus;
import io.sitemove.MigrationStatus.State;
import io.sitemove.Phase;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One site migrated through all eight phases against real sshd, MariaDB and BIND, checked independently. */
class EndToEndIT {
    @RegisterExtension
    static final DemoServers demo = new DemoServers();

    @Test
    void aSiteMovesThroughAllEightPhasesAndEndsIdenticalWithDnsMoved() throws Exception {
        MigrationPlan plan = MigrateOneSite.plan(demo.settings(), demo.work().resolve("journal"), new ConsoleListener(System.out));
        Migration m = Migration.open(plan);

        MigrationStatus atGate = m.runTo(Phase.POST_MIGRATION);
        assertEquals(State.AWAITING_APPROVAL, atGate.state(), "the run stops at the first gate");
        assertEquals(Gate.FUNCTIONAL_TESTING, atGate.awaiting().orElseThrow());
        assertEquals(Phase.FUNCTIONAL_TESTING, atGate.phase());
        assertFalse(Demo.check(demo.kit()), "DNS has not moved while waiting at the gate");

        m.approve(Gate.FUNCTIONAL_TESTING);
        assertEquals(Gate.OPTIMIZATION, m.runTo(Phase.POST_MIGRATION).awaiting().orElseThrow());
        m.approve(Gate.OPTIMIZATION);
        for (long seed = 1; seed <= 2; seed++) {
            Demo.changeSource(demo.kit(), seed);
            m.incrementalSync();
        }
        assertTrue(m.status().estimatedFinalSync().isPresent(), "two deltas give a final-sync estimate");

        m.runTo(Phase.MORATORIUM);
        CutoverTooEarlyException early = assertThrows(CutoverTooEarlyException.class, m::cutover);
        assertTrue(early.getMessage().contains("may not start before"), early.getMessage());
        assertEquals("127.0.0.2", IndependentCheck.digA(demo.kit().dns().host(), demo.kit().dns().port(), Demo.SITE_NAME),
                "a refused cutover changes nothing");

        Demo.changeSource(demo.kit(), 3);
        waitUntil(m.status().cutoverNotBefore().orElseThrow());
        m.cutover();
        MigrationStatus done = m.runTo(Phase.POST_MIGRATION);

        assertEquals(State.COMPLETED, done.state());
        assertTrue(Demo.check(demo.kit()), "files, tables and DNS checked independently");
        assertEquals("127.0.0.3", IndependentCheck.digA(demo.kit().dns().host(), demo.kit().dns().port(), "www." + Demo.SITE_NAME));
        MigrationReport report = m.report();
        assertEquals(8, report.phases().size());
        assertTrue(report.downtime().isPresent() && report.estimatedFinalSync().isPresent(), report.render());
        assertTrue(Files.exists(demo.kit().oldSsh().root().resolve(".maintenance")), "the old site stays in maintenance");
    }

    static void waitUntil(Instant when) throws InterruptedException {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            Thread.sleep(ms + 50);
        }
    }
}
