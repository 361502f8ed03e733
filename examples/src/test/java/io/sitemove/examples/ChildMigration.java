package io.sitemove.examples;

import io.sitemove.Migration;
import io.sitemove.MigrationPlan;
import io.sitemove.event.MigrationListener;
import io.sitemove.event.Progress;
import io.sitemove.testkit.SampleSite;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A migration in its own JVM, for the kill test: runs the example migration and, on the first
 * progress event of the named step, prints {@code KILL-ME} and waits to be killed.
 * Arguments: settings file, journal directory, step name.
 */
public final class ChildMigration {
    private ChildMigration() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            p.load(in);
        }
        SiteSettings s = SiteSettings.fromProperties(p);
        String killStep = args[2];
        MigrationPlan plan = Plans.withoutTtlWait(MigrateOneSite.plan(s, Path.of(args[1]), new MigrationListener() {
            @Override
            public void progress(Progress e) {
                if (e.step().equals(killStep)) {
                    System.out.println("KILL-ME at " + e.phase() + " " + e.step());
                    System.out.flush();
                    awaitKill();
                }
            }
        }));
        AtomicLong seed = new AtomicLong(500);
        MigrateOneSite.migrate(Migration.open(plan), 2, () -> changeSource(s, seed.incrementAndGet()));
        System.out.println("FINISHED without reaching " + killStep);
    }

    /** Blocks until the test kills this JVM. */
    private static void awaitKill() {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException ignored) {
                // keep waiting for the kill
            }
        }
    }

    static void changeSource(SiteSettings s, long seed) {
        String url = "jdbc:mysql://" + s.oldHost() + ":" + s.oldDbPort() + "/" + s.database();
        try (Connection c = DriverManager.getConnection(url, s.oldDbUser(), s.oldDbPassword().reveal())) {
            SampleSite.mutate(Path.of(s.oldDocroot()), c, seed);
        } catch (Exception e) {
            throw new IllegalStateException("changing the sample site failed", e);
        }
    }
}
