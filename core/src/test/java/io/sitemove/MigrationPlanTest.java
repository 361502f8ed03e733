package io.sitemove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.fakes.FlagMaintenance;
import io.sitemove.fakes.InMemoryDns;
import io.sitemove.fakes.RecordingSyncer;
import io.sitemove.journal.DirectoryJournal;
import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.SyncContext;
import io.sitemove.spi.SyncResult;
import io.sitemove.spi.Syncer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationPlanTest {
    static final Server OLD = Server.builder("old").host("127.0.0.2").knownHosts(Path.of("kh")).build();
    static final Server NEW = Server.builder("new").host("127.0.0.3").knownHosts(Path.of("kh")).build();

    static MigrationPlan.Builder valid() {
        return MigrationPlan.builder("shop").source(OLD).target(NEW).syncer(new RecordingSyncer("files"))
                .maintenance(new FlagMaintenance()).journal(new DirectoryJournal(Path.of("target/unused")));
    }

    @Test
    void buildsAValidPlan() {
        MigrationPlan plan = valid().build();
        assertEquals("shop", plan.site());
        assertEquals(1, plan.syncers().size());
        assertTrue(plan.dns().isEmpty());
    }

    @Test
    void refusesAPlanWithoutSourceOrTarget() {
        var noSource = assertThrows(IllegalStateException.class, () -> MigrationPlan.builder("shop").target(NEW).syncer(new RecordingSyncer("f"))
                        .maintenance(new FlagMaintenance()).journal(new DirectoryJournal(Path.of("x"))).build());
        assertTrue(noSource.getMessage().contains("no source server"), noSource.getMessage());
        var noTarget = assertThrows(IllegalStateException.class, () -> MigrationPlan.builder("shop").source(OLD)
                .syncer(new RecordingSyncer("f")).maintenance(new FlagMaintenance()).journal(new DirectoryJournal(Path.of("x")))
                .build());
        assertTrue(noTarget.getMessage().contains("no target server"), noTarget.getMessage());
    }

    @Test
    void refusesTwoSyncersWritingTheSameTarget() {
        Syncer clash = new Syncer() {
            public String name() {
                return "files2";
            }

            public Set<String> writes() {
                return Set.of("fake:files");
            }

            public SyncResult sync(SyncContext ctx) {
                throw new UnsupportedOperationException();
            }
        };
        var e = assertThrows(IllegalStateException.class, () -> valid().syncer(clash).build());
        assertTrue(e.getMessage().contains("'files' and 'files2' both write fake:files"), e.getMessage());
    }

    @Test
    void refusesADnsSwitchWithoutARecordOrWithoutTheSiteNames() {
        var e = assertThrows(IllegalStateException.class,
                () -> DnsCutover.builder(new InMemoryDns(List.of())).names("shop.example.").build());
        assertTrue(e.getMessage().contains("no record to switch"), e.getMessage());
        var e2 = assertThrows(IllegalStateException.class, () -> DnsCutover.builder(new InMemoryDns(List.of()))
                .record(DnsRecord.a("shop.example.", 60, "192.0.2.1")).build());
        assertTrue(e2.getMessage().contains("does not say the site's DNS names"), e2.getMessage());
        assertEquals(List.of(), DnsCutover.builder(new InMemoryDns(List.of()))
                .record(DnsRecord.a("shop.example.", 60, "192.0.2.1")).withoutNameGuard().build().names());
    }

    @Test
    void refusesMissingMaintenanceAndJournal() {
        var e = assertThrows(IllegalStateException.class, () -> MigrationPlan.builder("shop").source(OLD).target(NEW)
                .syncer(new RecordingSyncer("f")).journal(new DirectoryJournal(Path.of("x"))).build());
        assertTrue(e.getMessage().contains("MaintenanceMode.none()"), e.getMessage());
        var e2 = assertThrows(IllegalStateException.class, () -> MigrationPlan.builder("shop").source(OLD).target(NEW)
                .syncer(new RecordingSyncer("f")).maintenance(new FlagMaintenance()).build());
        assertTrue(e2.getMessage().contains("no journal"), e2.getMessage());
    }

    @Test
    void validatesAsItGoes() {
        var npe = assertThrows(NullPointerException.class, () -> valid().source(null));
        assertEquals("source cannot be null", npe.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MigrationPlan.builder("../etc"));
        assertThrows(IllegalArgumentException.class,
                () -> DnsCutover.builder(new InMemoryDns(List.of())).lowerTtlTo(Duration.ofSeconds(-1)));
        assertThrows(IllegalStateException.class, () -> valid().syncer(new RecordingSyncer("files")));
        assertThrows(IllegalArgumentException.class, () -> Server.builder("x").host("-oProxyCommand=x").build());
    }

    @Test
    void toBuilderDerivesAChangedPlanAndLeavesTheOriginal() {
        MigrationPlan plan = valid().build();
        MigrationPlan changed = plan.toBuilder().syncer(new RecordingSyncer("db")).build();
        assertNotSame(plan, changed);
        assertEquals(1, plan.syncers().size());
        assertEquals(2, changed.syncers().size());
        assertThrows(UnsupportedOperationException.class, () -> plan.syncers().add(new RecordingSyncer("x")));
    }

    @Test
    void secretsNeverShowInText() {
        Secret s = Secret.of("hunter2");
        assertEquals("******", s.toString());
        assertEquals("hunter2", s.reveal());
    }

    @Test
    void refusesARecordOutsideTheSiteNamesUnlessForced() {
        DnsCutover.Builder b = DnsCutover.builder(new InMemoryDns(List.of())).names("shop.example.")
                .record(DnsRecord.a("www.shop.example.", 60, "192.0.2.3"))
                .record(DnsRecord.a("mail.example.", 60, "192.0.2.3"));

        var e = assertThrows(IllegalStateException.class, b::build);

        assertTrue(e.getMessage().contains("mail.example., which is outside"), e.getMessage());
        assertEquals(2, valid().dns(b.forceChanges(true).build()).build().dns().orElseThrow().records().size());
    }
}
