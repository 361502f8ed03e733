package io.sitemove.wordpress;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Server;
import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Side;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

@WithTestkit(ssh = true, mariaDb = false, dns = false)
class WordPressMaintenanceIT {

    @Test
    void enablesChecksAndDisablesMaintenanceOnTheChosenSide(Testkit kit) throws Exception {
        Server oldServer = TestServers.oldServer(kit);
        Server newServer = TestServers.newServer(kit);
        Path oldDocroot = Files.createDirectories(kit.oldSsh().root().resolve("wp"));
        Path newDocroot = Files.createDirectories(kit.newSsh().root().resolve("wp"));
        WordPressMaintenance maintenance = new WordPressMaintenance(oldDocroot.toString(), newDocroot.toString());
        TestContext source = TestContext.side(oldServer, newServer, Side.SOURCE);
        TestContext target = TestContext.side(oldServer, newServer, Side.TARGET);

        assertFalse(maintenance.isEnabled(source));
        maintenance.enable(source);
        maintenance.enable(source);

        assertTrue(maintenance.isEnabled(source));
        assertFalse(maintenance.isEnabled(target));
        assertEquals("<?php $upgrading = time(); ?>\n", Files.readString(oldDocroot.resolve(".maintenance")));
        assertFalse(Files.exists(newDocroot.resolve(".maintenance")));
        try (var leftovers = Files.list(oldDocroot)) {
            assertEquals(1, leftovers.count(), "no temporary file left behind");
        }

        maintenance.disable(source);
        maintenance.disable(source);

        assertFalse(maintenance.isEnabled(source));
        assertFalse(Files.exists(oldDocroot.resolve(".maintenance")));
    }

    @Test
    void preflightNamesAMissingDocroot(Testkit kit) throws Exception {
        Path oldDocroot = Files.createDirectories(kit.oldSsh().root().resolve("wp-pre"));
        WordPressMaintenance maintenance = new WordPressMaintenance(oldDocroot.toString(),
                kit.newSsh().root().resolve("missing").toString());

        List<CheckResult> checks = maintenance.preflight(
                TestContext.side(TestServers.oldServer(kit), TestServers.newServer(kit), Side.SOURCE));

        assertEquals(2, checks.size());
        assertTrue(checks.get(0).passed(), checks.toString());
        assertFalse(checks.get(1).passed());
        assertTrue(checks.get(1).detail().contains("missing"), checks.toString());
    }
}
