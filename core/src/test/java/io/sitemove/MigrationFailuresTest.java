package io.sitemove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.event.MigrationEvent;
import io.sitemove.event.MigrationListener;
import io.sitemove.event.PhaseFailed;
import io.sitemove.event.RollbackFinished;
import io.sitemove.event.RollbackStarted;
import io.sitemove.event.StepFinished;
import io.sitemove.fakes.FilesSyncer;
import io.sitemove.fakes.FlagMaintenance;
import io.sitemove.fakes.InMemoryDns;
import io.sitemove.fakes.RecordingSyncer;
import io.sitemove.journal.DirectoryJournal;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Direction;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.EntryData;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.JournalEntry;
import io.sitemove.spi.PreflightContext;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a panel can rely on when something fails: the type it threw, attempts as the policy says, events. */
class MigrationFailuresTest {
    static final DnsRecord OLD_A = DnsRecord.a("shop.example.", 300, "192.0.2.2");

    @TempDir
    Path dir;

    RecordingSyncer files;
    InMemoryDns dns;
    List<MigrationEvent> events;

    /** A refusal of a plugin's own, carrying data the panel needs. */
    static final class KeyNotTrustedException extends MigrationException {
        private static final long serialVersionUID = 1L;
        final String fingerprint;

        KeyNotTrustedException(String fingerprint) {
            super("the host key " + fingerprint + " is not trusted", null, false);
            this.fingerprint = fingerprint;
        }
    }

    @BeforeEach
    void setUp() {
        files = new RecordingSyncer("files");
        dns = new InMemoryDns(List.of(OLD_A));
        events = new CopyOnWriteArrayList<>();
    }

    MigrationPlan.Builder plan(Syncer syncer, int maxAttempts) {
        return MigrationPlan.builder("shop")
                .source(MigrationPlanTest.OLD).target(MigrationPlanTest.NEW)
                .syncer(syncer)
                .dns(DnsCutover.builder(dns).names("shop.example.").record(DnsRecord.a("shop.example.", 300, "192.0.2.3"))
                        .waitForTtlExpiry(false).propagationTimeout(Duration.ofSeconds(1)).build())
                .maintenance(new FlagMaintenance())
                .journal(new DirectoryJournal(dir))
                .retry(RetryPolicy.builder().maxAttempts(maxAttempts).initialWait(Duration.ofMillis(1)).build())
                .watch(Watch.of(Duration.ZERO, Duration.ofMillis(1)))
                .listener(new MigrationListener() {
                    @Override
                    public void stepFinished(StepFinished e) {
                        events.add(e);
                    }

                    @Override
                    public void phaseFailed(PhaseFailed e) {
                        events.add(e);
                    }

                    @Override
                    public void rollbackStarted(RollbackStarted e) {
                        events.add(e);
                    }

                    @Override
                    public void rollbackFinished(RollbackFinished e) {
                        events.add(e);
                    }
                });
    }

    static void throughMoratorium(Migration m) {
        m.runTo(Phase.FUNCTIONAL_TESTING);
        m.approve(Gate.FUNCTIONAL_TESTING);
        m.runTo(Phase.OPTIMIZATION);
        m.approve(Gate.OPTIMIZATION);
        m.incrementalSync();
        m.runTo(Phase.MORATORIUM);
    }

    static Syncer throwing(RuntimeException failure, AtomicInteger calls) {
        return new FilesSyncer() {
            @Override
            public SyncResult sync(SyncContext ctx) {
                calls.incrementAndGet();
                throw failure;
            }
        };
    }

    /** A syncer whose preflight gives the checks {@code checks} on each call, counted. */
    static Syncer checking(AtomicInteger calls, CheckResult... checks) {
        return new FilesSyncer() {
            @Override
            public List<CheckResult> preflight(PreflightContext ctx) {
                calls.incrementAndGet();
                return List.of(checks);
            }

            @Override
            public SyncResult sync(SyncContext ctx) {
                throw new AssertionError("a failed preflight never syncs");
            }
        };
    }

    @Test
    void aPreflightWhoseEveryFailedCheckIsTransientIsRetriedAndJournaledAsTransient() {
        AtomicInteger calls = new AtomicInteger();
        CheckResult unreachable = CheckResult.failed("files", "SSH access of old",
                MigrationException.retryable("no SSH banner from old (192.0.2.2:22) within 1 s", null));
        Migration m = Migration.open(plan(checking(calls, unreachable, CheckResult.pass("files", "disk", "ok")), 3)
                .build());

        PreflightFailedException e = assertThrows(PreflightFailedException.class, () -> m.runTo(Phase.INITIAL_SYNC));

        assertEquals(3, calls.get(), "each attempt ran the checks again");
        assertTrue(e.wasTransient(), e.getMessage());
        assertEquals(3, e.attempts());
        assertEquals(List.of(unreachable), e.failed());
        assertTrue(unreachable.transientFailure());
    }

    @Test
    void aPreflightWithOneCheckFailedAtWhatItFoundIsNotRetriedEvenBesideAnUnreachableServer() {
        AtomicInteger calls = new AtomicInteger();
        CheckResult unreachable = CheckResult.failed("files", "SSH access of old",
                MigrationException.retryable("no SSH banner from old (192.0.2.2:22) within 1 s", null));
        CheckResult full = CheckResult.fail("files", "free disk on new", "1 GiB free, 4 GiB needed");
        Migration m = Migration.open(plan(checking(calls, unreachable, full), 3).build());

        PreflightFailedException e = assertThrows(PreflightFailedException.class, () -> m.runTo(Phase.INITIAL_SYNC));

        assertEquals(1, calls.get());
        assertFalse(e.isTransient(), e.getMessage());
        assertFalse(full.transientFailure());
        assertThrows(IllegalArgumentException.class, () -> new CheckResult("files", "disk", true, "ok", true));
    }

    @Test
    void aPluginsOwnExceptionTypeReachesThePanelAsTheSameInstanceNamingSitePhaseAndStep() {
        KeyNotTrustedException thrown = new KeyNotTrustedException("SHA256:abc");
        Migration m = Migration.open(plan(throwing(thrown, new AtomicInteger()), 3).build());

        KeyNotTrustedException caught = assertThrows(KeyNotTrustedException.class, () -> m.runTo(Phase.INITIAL_SYNC));

        assertSame(thrown, caught);
        assertEquals("SHA256:abc", caught.fingerprint);
        assertEquals(Optional.of("shop"), caught.site());
        assertEquals(Optional.of(Phase.INITIAL_SYNC), caught.phase());
        assertEquals(Optional.of("sync:files"), caught.step());
        assertEquals("site 'shop', phase INITIAL_SYNC, step 'sync:files': the host key SHA256:abc is not trusted",
                caught.getMessage());
    }

    @Test
    void aBugInAPluginArrivesAsAMigrationExceptionWithTheBugAsItsCause() {
        IllegalStateException bug = new IllegalStateException("index out of range");
        Migration m = Migration.open(plan(throwing(bug, new AtomicInteger()), 3).build());

        MigrationException e = assertThrows(MigrationException.class, () -> m.runTo(Phase.INITIAL_SYNC));

        assertSame(bug, e.getCause());
        assertFalse(e.isTransient());
        assertTrue(e.getMessage().contains("step 'sync:files': IllegalStateException: index out of range"), e.getMessage());
    }

    @Test
    void aTransientFailureIsAttemptedExactlyMaxAttemptsTimesThenSurfacesAsPermanent() {
        AtomicInteger calls = new AtomicInteger();
        MigrationException flaky = MigrationException.retryable("connection reset by new", null);
        Migration m = Migration.open(plan(throwing(flaky, calls), 3).build());

        MigrationException e = assertThrows(MigrationException.class, () -> m.runTo(Phase.INITIAL_SYNC));

        assertEquals(3, calls.get(), "one retry layer: the engine's three attempts and no more");
        assertSame(flaky, e);
        assertEquals(3, e.attempts());
        assertFalse(e.isTransient(), "exhausted retries are for a person to look at");
        assertTrue(e.wasTransient());
        assertTrue(e.getMessage().endsWith("(gave up after 3 attempts)"), e.getMessage());
        JournalEntry failed = new DirectoryJournal(dir).read("shop").stream().filter(j -> j.kind() == EntryKind.PHASE_FAILED)
                .findFirst().orElseThrow();
        EntryData.Failed data = failed.data(EntryData.Failed.class).orElseThrow();
        assertEquals("sync:files", failed.step());
        assertTrue(data.transientFailure(), "a passing kind of failure, though the engine gave up on it");
        assertEquals(MigrationException.class.getName(), data.exception());
    }

    @Test
    void aSyncIsToldWhenItMayFindItsOwnPartialWorkAndNotAfterARefusal() {
        files.failNext(1, true);
        Migration.open(plan(files, 3).build()).runTo(Phase.INITIAL_SYNC);
        assertEquals(List.of(false, true), files.resumedFlags(), "the engine's second attempt follows a cut-off first");

        RecordingSyncer crashing = new RecordingSyncer("files").crashNext();
        Path other = dir.resolve("other");
        MigrationPlan crashPlan = plan(crashing, 3).journal(new DirectoryJournal(other)).build();
        assertThrows(RecordingSyncer.Crash.class, () -> Migration.open(crashPlan).runTo(Phase.INITIAL_SYNC));
        Migration.open(crashPlan).runTo(Phase.INITIAL_SYNC);
        assertEquals(List.of(false, true), crashing.resumedFlags(), "a run after a crash in the step resumes it");

        RecordingSyncer refused = new RecordingSyncer("files").failNext(1, false);
        MigrationPlan refusedPlan = plan(refused, 3).journal(new DirectoryJournal(dir.resolve("refused"))).build();
        assertThrows(MigrationException.class, () -> Migration.open(refusedPlan).runTo(Phase.INITIAL_SYNC));
        Migration.open(refusedPlan).runTo(Phase.INITIAL_SYNC);
        assertEquals(List.of(false, false), refused.resumedFlags(), "after a permanent failure nothing is presumed ours");
    }

    @Test
    void aPermanentFailureIsAttemptedOnce() {
        AtomicInteger calls = new AtomicInteger();
        Migration m = Migration.open(plan(throwing(MigrationException.permanent("disk full on new"), calls), 5).build());

        MigrationException e = assertThrows(MigrationException.class, () -> m.runTo(Phase.INITIAL_SYNC));

        assertEquals(1, calls.get());
        assertEquals(0, e.attempts());
    }

    @Test
    void aPropagationThatDidNotCompleteInItsTimeoutIsNotRetried() {
        Migration m = Migration.open(plan(files, 3).build());
        throughMoratorium(m);
        dns.neverPropagates();

        MigrationException e = assertThrows(MigrationException.class, m::cutover);

        assertEquals(1, dns.propagationChecks(), "the switcher waited its whole timeout once; no second wait");
        assertFalse(e.isTransient());
        assertEquals(Optional.of("propagation"), e.step());
        assertTrue(e.getMessage().contains("not every authoritative server answers"), e.getMessage());
    }

    @Test
    void aRollbackFiresItsStartBeforeItsStepsAndItsEndAfterThem() {
        Migration m = Migration.open(plan(files, 1).build());
        throughMoratorium(m);
        m.cutover();
        events.clear();

        m.rollback();

        RollbackStarted started = assertInstanceOf(RollbackStarted.class, events.get(0));
        assertTrue(started.trafficMoved());
        RollbackFinished finished = assertInstanceOf(RollbackFinished.class, events.get(events.size() - 1));
        assertEquals("shop", finished.site());
        List<String> steps = events.subList(1, events.size() - 1).stream().map(e -> ((StepFinished) e).step()).toList();
        assertEquals(List.of("rollback:maintenance-target", "rollback:reverse:files", "rollback:dns-revert",
                "rollback:maintenance-source-off"), steps);
        assertEquals(1, files.count(SyncMode.DELTA, Direction.REVERSE));
        assertEquals(List.of(OLD_A), dns.records());
    }
}
