package io.sitemove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitemove.MigrationStatus.State;
import io.sitemove.event.MigrationListener;
import io.sitemove.event.PhaseStarted;
import io.sitemove.event.Progress;
import io.sitemove.fakes.FlagMaintenance;
import io.sitemove.fakes.InMemoryDns;
import io.sitemove.fakes.RecordingSyncer;
import io.sitemove.fakes.ScriptedVerifier;
import io.sitemove.journal.DirectoryJournal;
import io.sitemove.spi.Direction;
import io.sitemove.spi.DnsCapabilities;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.Finding;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.VerifyStage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The phase engine against in-memory servers: order, gates, journal resume, cutover and rollback. */
class MigrationTest {
    static final DnsRecord OLD_A = DnsRecord.a("shop.example.", 300, "192.0.2.2");
    static final DnsRecord OLD_WWW = DnsRecord.a("www.shop.example.", 300, "192.0.2.2");

    @TempDir
    Path dir;
    RecordingSyncer files;
    RecordingSyncer db;
    ScriptedVerifier verifier;
    InMemoryDns dns;
    FlagMaintenance maintenance;
    List<Object> events;

    @BeforeEach
    void setUp() {
        files = new RecordingSyncer("files");
        db = new RecordingSyncer("db");
        verifier = new ScriptedVerifier();
        dns = new InMemoryDns(List.of(OLD_A, OLD_WWW, DnsRecord.a("other.example.", 300, "192.0.2.9")));
        maintenance = new FlagMaintenance();
        events = new CopyOnWriteArrayList<>();
    }

    DnsCutover.Builder dnsCutover() {
        return DnsCutover.builder(dns).names("shop.example.")
                .record(DnsRecord.a("shop.example.", 300, "192.0.2.3"))
                .record(DnsRecord.a("www.shop.example.", 300, "192.0.2.3"))
                .lowerTtlTo(Duration.ofSeconds(30))
                .waitForTtlExpiry(false);
    }

    MigrationPlan.Builder plan() {
        return plan(dnsCutover());
    }

    MigrationPlan.Builder plan(DnsCutover.Builder dnsSettings) {
        return MigrationPlan.builder("shop")
                .source(MigrationPlanTest.OLD).target(MigrationPlanTest.NEW)
                .syncer(files).syncer(db).verifier(verifier)
                .dns(dnsSettings.build())
                .maintenance(maintenance)
                .journal(new DirectoryJournal(dir))
                .retry(RetryPolicy.builder().maxAttempts(2).initialWait(Duration.ofMillis(1)).build())
                .watch(Watch.of(Duration.ZERO, Duration.ofMillis(1)))
                .listener(new MigrationListener() {
                    @Override
                    public void phaseStarted(PhaseStarted e) {
                        events.add(e);
                    }

                    @Override
                    public void progress(Progress p) {
                        events.add(p);
                    }
                });
    }

    Migration throughOptimization(MigrationPlan plan) {
        Migration m = Migration.open(plan);
        m.runTo(Phase.FUNCTIONAL_TESTING);
        m.approve(Gate.FUNCTIONAL_TESTING);
        m.runTo(Phase.OPTIMIZATION);
        m.approve(Gate.OPTIMIZATION);
        return m;
    }

    @Test
    void runsAllEightPhasesInOrder() {
        Migration m = throughOptimization(plan().build());
        SyncRound first = m.incrementalSync();
        SyncRound second = m.incrementalSync();
        m.runTo(Phase.MORATORIUM);
        m.cutover();
        MigrationStatus done = m.runTo(Phase.POST_MIGRATION);

        assertEquals(State.COMPLETED, done.state());
        assertEquals(Set.of(Phase.values()), done.completed());
        assertEquals(List.of(1, 2), List.of(first.round(), second.round()));
        assertEquals(1, files.count(SyncMode.FULL, Direction.FORWARD));
        assertEquals(2, files.count(SyncMode.DELTA, Direction.FORWARD));
        assertEquals(1, files.count(SyncMode.FINAL, Direction.FORWARD));
        assertEquals("files-cursor-3", files.calls().get(3).cursorIn(), "the final sync starts from the last delta's cursor");
        assertTrue(maintenance.isOn(Side.SOURCE), "the source stays read-only after the cutover");
        assertEquals(Set.of(DnsRecord.a("shop.example.", 300, "192.0.2.3"), DnsRecord.a("www.shop.example.", 300, "192.0.2.3"),
                DnsRecord.a("other.example.", 300, "192.0.2.9")), new HashSet<>(dns.records()));
        assertEquals(List.of(VerifyStage.FUNCTIONAL, VerifyStage.CUTOVER, VerifyStage.WATCH), verifier.runs());
        List<Phase> started = events.stream().filter(PhaseStarted.class::isInstance).map(e -> ((PhaseStarted) e).phase()).toList();
        assertEquals(List.of(Phase.values()), started);
        assertTrue(events.stream().anyMatch(Progress.class::isInstance));
        MigrationReport report = m.report();
        assertEquals(8, report.phases().size());
        assertTrue(report.downtime().isPresent());
        assertTrue(report.estimatedFinalSync().isPresent(), "two deltas give an estimate");
        assertTrue(report.render().contains("FINAL_SYNC"));
    }

    @Test
    void aGateBlocksUntilApproved() {
        Migration m = Migration.open(plan().build());
        MigrationStatus s = m.runTo(Phase.POST_MIGRATION);

        assertEquals(State.AWAITING_APPROVAL, s.state());
        assertEquals(Gate.FUNCTIONAL_TESTING, s.awaiting().orElseThrow());
        assertEquals(0, files.count(SyncMode.DELTA, Direction.FORWARD));
        assertThrows(PhaseOrderException.class, () -> m.approve(Gate.OPTIMIZATION));

        m.approve(Gate.FUNCTIONAL_TESTING);
        s = m.runTo(Phase.POST_MIGRATION);
        assertEquals(Gate.OPTIMIZATION, s.awaiting().orElseThrow());
        assertEquals(0, files.count(SyncMode.DELTA, Direction.FORWARD));
    }

    @Test
    void aCutoverBeforeTheInitialSyncIsRefusedNamingTheMissingPhase() {
        Migration m = Migration.open(plan().build());
        m.runTo(Phase.PREFLIGHT);

        PhaseOrderException e = assertThrows(PhaseOrderException.class, m::cutover);

        assertEquals(Phase.INITIAL_SYNC, e.missing());
        assertTrue(e.getMessage().contains("cannot start FINAL_SYNC because INITIAL_SYNC has not completed"), e.getMessage());
        assertTrue(e.getMessage().contains("site 'shop'"), e.getMessage());
        assertFalse(maintenance.isOn(Side.SOURCE));
        assertEquals(0, dns.applies());
    }

    @Test
    void theCutoverWaitsForTheOldTtlToExpire() {
        Migration m = throughOptimization(plan(dnsCutover().waitForTtlExpiry(true)).build());
        m.incrementalSync();
        m.runTo(Phase.MORATORIUM);

        CutoverTooEarlyException e = assertThrows(CutoverTooEarlyException.class, m::cutover);

        assertTrue(e.notBefore().isAfter(Instant.now().plusSeconds(290)), e.getMessage());
        assertEquals(e.notBefore(), m.status().cutoverNotBefore().orElseThrow());
        assertFalse(maintenance.isOn(Side.SOURCE), "nothing was done");
        assertEquals(Set.of(OLD_A.withTtl(30), OLD_WWW.withTtl(30)),
                new HashSet<>(dns.records().stream().filter(r -> r.name().contains("shop")).toList()),
                "the moratorium lowered the TTL");
    }

    @Test
    void aFailedStepIsRetriedOnResumeAndCompletedStepsAreNotRepeated() {
        db.failNext(1, false);
        MigrationPlan p = plan().build();
        Migration first = Migration.open(p);
        assertThrows(MigrationException.class, () -> first.runTo(Phase.INITIAL_SYNC));
        assertEquals(State.FAILED, first.status().state());
        assertTrue(first.status().failure().orElseThrow().contains("db failed on purpose"));

        Migration resumed = Migration.open(p);
        MigrationStatus s = resumed.runTo(Phase.INITIAL_SYNC);

        assertTrue(s.isCompleted(Phase.INITIAL_SYNC));
        assertEquals(1, files.count(SyncMode.FULL, Direction.FORWARD), "files completed before the crash and is not redone");
        assertEquals(2, db.count(SyncMode.FULL, Direction.FORWARD));
    }

    @Test
    void transientFailuresAreRetriedByThePolicy() {
        files.failNext(1, true);
        Migration m = Migration.open(plan().build());
        assertTrue(m.runTo(Phase.INITIAL_SYNC).isCompleted(Phase.INITIAL_SYNC));
        assertEquals(2, files.count(SyncMode.FULL, Direction.FORWARD));
    }

    @Test
    void aListenerThatThrowsNeverBreaksTheMigration() {
        MigrationPlan p = plan().listener(new MigrationListener() {
            @Override
            public void phaseStarted(PhaseStarted e) {
                throw new IllegalStateException("listener bug");
            }
        }).build();
        assertTrue(Migration.open(p).runTo(Phase.INITIAL_SYNC).isCompleted(Phase.INITIAL_SYNC));
    }

    @Test
    void aFailedVerificationStopsFunctionalTestingAndTheGateCannotBeApproved() {
        verifier.passing(false);
        Migration m = Migration.open(plan().build());
        VerificationFailedException e = assertThrows(VerificationFailedException.class, () -> m.runTo(Phase.OPTIMIZATION));
        assertTrue(e.getMessage().startsWith("site 'shop', phase FUNCTIONAL_TESTING"), e.getMessage());
        assertTrue(e.getMessage().contains("1 blocking finding(s) in 1 verification(s): scripted content index.php;"),
                e.getMessage());
        assertEquals(List.of("index.php"), e.findings().stream().map(Finding::subject).toList());
        PhaseReport stopped = m.report().phases().get(Phase.FUNCTIONAL_TESTING.ordinal());
        assertEquals(e.findings(), stopped.findings(), "the report of the stopped phase carries its blocking findings");
        assertTrue(m.report().render().contains("finding BLOCKING content index.php: expected sha256 0123 (source),"
                + " actual sha256 4567; sync the files again"), m.report().render());
        assertThrows(PhaseOrderException.class, () -> m.approve(Gate.FUNCTIONAL_TESTING));
        verifier.passing(true);
        assertEquals(Gate.FUNCTIONAL_TESTING, m.runTo(Phase.OPTIMIZATION).awaiting().orElseThrow());
    }

    @Test
    void blockingFindingsAreCountedAndTheFirstOnesNamedWhileWarningsAndPendingOnesLetThePhaseGoOn() throws Exception {
        List<Finding> blocking = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            blocking.add(Finding.blocking("row-count", "table `t" + i + "`", i + " rows (source)", "0 rows", "sync again"));
        }
        List<Finding> mild = List.of(Finding.warning("sql_mode", "server new", "STRICT_TRANS_TABLES (source)", "", ""),
                Finding.blocking("content", "table `orders`", "sha256 aa (source)", "sha256 bb", "").asPending());
        List<Finding> all = new ArrayList<>(mild);
        all.addAll(blocking);
        verifier.finding(all);
        Migration m = Migration.open(plan().build());

        VerificationFailedException e = assertThrows(VerificationFailedException.class, () -> m.runTo(Phase.OPTIMIZATION));

        assertTrue(e.getMessage().contains("5 blocking finding(s) in 1 verification(s): scripted row-count table `t1`;"
                + " scripted row-count table `t2`; scripted row-count table `t3`; and 2 more;"), e.getMessage());
        assertFalse(e.getMessage().contains("orders"), "a pending finding does not block: " + e.getMessage());
        assertEquals(blocking, e.findings());

        verifier.finding(mild);
        assertEquals(Gate.FUNCTIONAL_TESTING, m.runTo(Phase.OPTIMIZATION).awaiting().orElseThrow());
        MigrationReport report = m.report();
        assertEquals(mild, report.phases().get(Phase.FUNCTIONAL_TESTING.ordinal()).findings(),
                "the passed verification's warnings, not the earlier failure's findings");
        assertTrue(report.render().contains("finding WARNING sql_mode server new: expected STRICT_TRANS_TABLES (source)"),
                report.render());
        assertTrue(report.findingsJson().contains("\"severity\":\"WARNING\""), report.findingsJson());
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertEquals("shop", json.get("site").asText());
        JsonNode functional = json.get("phases").get(Phase.FUNCTIONAL_TESTING.ordinal());
        assertEquals("FUNCTIONAL_TESTING", functional.get("phase").asText());
        assertEquals(2, functional.get("findings").size(), functional.toString());
        assertEquals("server new", functional.get("findings").get(0).get("subject").asText());
        assertTrue(functional.get("findings").get(1).get("pending").asBoolean(), functional.toString());
    }

    @Test
    void aRecordChangedBySomeoneElseStopsTheSwitchWithNothingChanged() {
        Migration m = throughOptimization(plan().build());
        m.incrementalSync();
        m.runTo(Phase.MORATORIUM);
        dns.replace(OLD_A.withTtl(30), DnsRecord.a("shop.example.", 30, "198.51.100.1"));
        List<DnsRecord> before = dns.records();

        DnsConflictException e = assertThrows(DnsConflictException.class, m::cutover);

        assertTrue(e.getMessage().contains("changed since they were read"), e.getMessage());
        assertTrue(e.found().contains(DnsRecord.a("shop.example.", 30, "198.51.100.1")), e.found().toString());
        assertTrue(e.expected().contains(OLD_A.withTtl(30)), e.expected().toString());
        assertEquals(Optional.of(Phase.FINAL_SYNC), e.phase());
        assertEquals(new HashSet<>(before), new HashSet<>(dns.records()));
        assertEquals(State.FAILED, m.status().state());
    }

    @Test
    void rollbackSyncsBackwardsAndRestoresTheRecordsExactly() {
        List<DnsRecord> original = dns.records();
        Migration m = throughOptimization(plan().build());
        m.incrementalSync();
        m.runTo(Phase.MORATORIUM);
        m.cutover();

        MigrationStatus s = m.rollback();

        assertEquals(State.ROLLED_BACK, s.state());
        assertEquals(1, files.count(SyncMode.DELTA, Direction.REVERSE));
        assertEquals(1, db.count(SyncMode.DELTA, Direction.REVERSE));
        assertEquals(new HashSet<>(original), new HashSet<>(dns.records()), "values and TTLs as before the migration");
        assertFalse(maintenance.isOn(Side.SOURCE));
        assertTrue(maintenance.isOn(Side.TARGET), "the target stays read-only so stale resolvers cannot write there");
        assertThrows(MigrationException.class, () -> m.runTo(Phase.POST_MIGRATION));
    }

    @Test
    void rollbackBeforeTheCutoverIsRefused() {
        Migration m = Migration.open(plan().build());
        m.runTo(Phase.INITIAL_SYNC);
        var e = assertThrows(MigrationException.class, m::rollback);
        assertTrue(e.getMessage().contains("nothing to roll back"), e.getMessage());
    }

    @Test
    void aMaintenanceModeThatDoesNotReadBackStopsTheCutover() {
        Migration m = throughOptimization(plan().maintenance(new FlagMaintenance().brokenReadBack()).build());
        m.incrementalSync();
        m.runTo(Phase.MORATORIUM);
        var e = assertThrows(MigrationException.class, m::cutover);
        assertTrue(e.getMessage().contains("does not read back as on"), e.getMessage());
        assertEquals(0, files.count(SyncMode.FINAL, Direction.FORWARD));
    }

    @Test
    void theStatusAndReportSurviveAReopen() {
        MigrationPlan p = plan().build();
        Migration m = throughOptimization(p);
        m.incrementalSync();
        List<String> before = new ArrayList<>(m.report().phases().stream().map(PhaseReport::toString).toList());

        Migration reopened = Migration.open(p);

        assertEquals(m.status().completed(), reopened.status().completed());
        assertEquals(1, reopened.status().incrementalSyncs());
        assertEquals(before.size(), reopened.report().phases().size());
    }

    @Test
    void aProviderChangeTouchingRecordsThePlanDoesNotSwitchIsRefused() {
        DnsRecord other = DnsRecord.a("other.example.", 300, "192.0.2.9");
        dns.planAlsoDeleting(other);
        Migration m = throughOptimization(plan().build());
        m.incrementalSync();

        ChangeRefusedException e = assertThrows(ChangeRefusedException.class, () -> m.runTo(Phase.MORATORIUM));

        assertTrue(e.getMessage().contains("other.example."), e.getMessage());
        assertEquals(ChangeRefusedException.Guard.OUTSIDE_PLAN, e.guard());
        assertTrue(dns.records().contains(other));
        assertEquals(0, dns.applies());
    }

    @Test
    void aChangeOfMoreRecordsThanTheLimitIsRefusedUnlessForced() {
        Migration m = throughOptimization(plan(dnsCutover().guard(new DnsGuard(1, 0.9, false))).build());
        m.incrementalSync();

        ChangeRefusedException e = assertThrows(ChangeRefusedException.class, () -> m.runTo(Phase.MORATORIUM));
        assertTrue(e.getMessage().contains("more than the limit of 1"), e.getMessage());
        assertEquals(ChangeRefusedException.Guard.MAX_COUNT, e.guard());
        assertEquals(2, e.affected());
        assertEquals(0, dns.applies());

        Migration forced = Migration.open(plan(dnsCutover().guard(new DnsGuard(1, 0.9, false)).forceChanges(true)).build());
        assertTrue(forced.runTo(Phase.MORATORIUM).isCompleted(Phase.MORATORIUM));
    }

    @Test
    void aChangeOfTooLargeAShareOfTheZoneIsRefused() {
        dns = new InMemoryDns(List.of(OLD_A, OLD_WWW, DnsRecord.a("api.shop.example.", 300, "192.0.2.2"),
                DnsRecord.a("other.example.", 300, "192.0.2.9")));
        Migration m = throughOptimization(plan(dnsCutover().record(DnsRecord.a("api.shop.example.", 300, "192.0.2.3"))).build());
        m.incrementalSync();

        ChangeRefusedException e = assertThrows(ChangeRefusedException.class, () -> m.runTo(Phase.MORATORIUM));

        assertTrue(e.getMessage().contains("3 of 4 items, more than 30%"), e.getMessage());
        assertEquals(ChangeRefusedException.Guard.MAX_FRACTION, e.guard());
        assertEquals(3, e.affected());
        assertEquals(4, e.total());
        assertEquals(0, dns.applies());
    }

    @Test
    void aRecordTypeTheProviderCannotChangeFailsPreflight() {
        dns.capabilities(new DnsCapabilities(Set.of("A"), true, true));
        Migration m = Migration.open(plan(dnsCutover().record(new DnsRecord("cdn.shop.example.", "CNAME", 300, "x.example.net.")))
                .build());

        PreflightFailedException e = assertThrows(PreflightFailedException.class, () -> m.runTo(Phase.PREFLIGHT));

        assertTrue(e.getMessage().contains("cannot change CNAME records"), e.getMessage());
    }
}
