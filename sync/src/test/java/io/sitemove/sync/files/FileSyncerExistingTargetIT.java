package io.sitemove.sync.files;

import io.sitemove.testkit.FaultTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Server;
import io.sitemove.remote.TestContext;
import io.sitemove.remote.TestServers;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.SyncMode;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Preflight says what a sync into a non-empty target root would delete, and fails unless the plan allows it. */
@WithTestkit(ssh = true, mariaDb = false, dns = false)
@FaultTest
class FileSyncerExistingTargetIT {
    private final Server oldServer;
    private final Server newServer;
    private final Path oldRoot;
    private final Path newRoot;

    FileSyncerExistingTargetIT(Testkit kit) {
        oldServer = TestServers.oldServer(kit);
        newServer = TestServers.newServer(kit);
        oldRoot = kit.oldSsh().root();
        newRoot = kit.newSsh().root();
    }

    private FileSyncer.Builder syncer(String dir) {
        return FileSyncer.builder().sourceRoot(oldRoot.resolve(dir).toString())
                .targetRoot(newRoot.resolve(dir).toString()).strategy(Strategy.RELAY);
    }

    private static CheckResult targetOnly(List<CheckResult> checks) {
        return checks.stream().filter(c -> c.check().startsWith("entries only the target has")).findFirst()
                .orElseThrow(() -> new AssertionError("no target-only check in " + checks));
    }

    private void givenSourceOfTenAndTargetWithItsOwn(String dir, int own) throws Exception {
        Files.createDirectories(oldRoot.resolve(dir));
        Files.createDirectories(newRoot.resolve(dir + "/uploads"));
        for (int i = 0; i < 10; i++) {
            LocalTrees.write(oldRoot.resolve(dir + "/page" + i + ".php"), "page " + i);
            LocalTrees.write(newRoot.resolve(dir + "/page" + i + ".php"), "page " + i);
        }
        if (own == 0) {
            Files.delete(newRoot.resolve(dir + "/uploads"));
        }
        for (int i = 0; i < own; i++) {
            LocalTrees.write(newRoot.resolve(dir + "/uploads/only-new-" + i + ".jpg"), "the target's own " + i);
        }
    }

    @Test
    void filesOnlyTheTargetHasAreListedWithACountAndFailPreflightUnlessReplaceExistingSaysSo() throws Exception {
        givenSourceOfTenAndTargetWithItsOwn("own", 2);
        TestContext ctx = TestContext.forward(oldServer, newServer, SyncMode.FULL);

        CheckResult refused = targetOnly(syncer("own").build().preflight(ctx));
        CheckResult allowed = targetOnly(syncer("own").replaceExisting(true).build().preflight(ctx));

        assertFalse(refused.passed(), refused.toString());
        assertTrue(refused.detail().startsWith("3 of the 13 entries"), refused.detail());
        assertTrue(refused.detail().contains("uploads"), refused.detail());
        assertTrue(refused.detail().contains("replaceExisting(true)"), refused.detail());
        assertTrue(allowed.passed(), allowed.toString());
        assertTrue(allowed.detail().startsWith("warning: 3 of the 13 entries"), allowed.detail());
        assertEquals("the target's own 0", Files.readString(newRoot.resolve("own/uploads/only-new-0.jpg")),
                "preflight deletes nothing");
    }

    @Test
    void whereTheDeletionGuardWouldRefuseTheSyncPreflightFailsEvenWithReplaceExisting() throws Exception {
        givenSourceOfTenAndTargetWithItsOwn("most", 30);
        TestContext ctx = TestContext.forward(oldServer, newServer, SyncMode.FULL);

        CheckResult guarded = targetOnly(syncer("most").replaceExisting(true).build().preflight(ctx));
        CheckResult mass = targetOnly(syncer("most").allowMassDeletion(true).build().preflight(ctx));

        assertFalse(guarded.passed(), guarded.toString());
        assertTrue(guarded.detail().contains("31 of the 41 entries"), guarded.detail());
        assertTrue(guarded.detail().contains("allowMassDeletion(true)"), guarded.detail());
        assertTrue(mass.passed(), mass.toString());
    }

    @Test
    void aTargetThatHoldsOnlyWhatTheSourceHasPasses() throws Exception {
        givenSourceOfTenAndTargetWithItsOwn("same", 0);

        CheckResult same = targetOnly(syncer("same").build()
                .preflight(TestContext.forward(oldServer, newServer, SyncMode.FULL)));

        assertTrue(same.passed(), same.toString());
    }
}
