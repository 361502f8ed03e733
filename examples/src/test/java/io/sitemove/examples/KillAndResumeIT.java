package io.sitemove.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sitemove.Migration;
import io.sitemove.MigrationPlan;
import io.sitemove.MigrationStatus.State;
import io.sitemove.Phase;
import io.sitemove.event.MigrationListener;
import io.sitemove.event.SyncTimed;
import io.sitemove.journal.DirectoryJournal;
import io.sitemove.spi.EntryKind;
import io.sitemove.spi.JournalEntry;
import io.sitemove.testkit.Testkit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills a migration's JVM with SIGKILL in the middle of a phase, then resumes it from the journal in
 * this JVM: completed steps are not done again, and the site ends identical.
 */
class KillAndResumeIT {
    Testkit kit;
    SiteSettings settings;
    Path work;

    @BeforeEach
    void start() throws Exception {
        work = Path.of("target/testkit/KillAndResumeIT-" + System.nanoTime());
        kit = Demo.startServers(work);
        settings = Demo.prepare(kit);
    }

    @AfterEach
    void stop() {
        if (kit != null) {
            kit.close();
        }
    }

    /** Once the cutover has begun the source is in maintenance, so the resumed run makes no visitor changes there. */
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "killed during {1} of {0}")
    @CsvSource({"INITIAL_SYNC, sync:db, sync:files", "FINAL_SYNC, final:db, final:files"})
    void aMigrationKilledMidPhaseResumesFromItsJournalAndEndsIdentical(Phase phase, String killStep, String doneStep)
            throws Exception {
        Path journalDir = work.resolve("journal");
        killChildAt(killStep, journalDir);
        List<JournalEntry> journal = new DirectoryJournal(journalDir).read(settings.site());
        assertTrue(stepDone(journal, phase, doneStep), doneStep + " was journaled before the kill");
        assertTrue(!stepDone(journal, phase, killStep), killStep + " was cut off");

        List<SyncTimed> syncs = new CopyOnWriteArrayList<>();
        MigrationPlan plan = Plans.withoutTtlWait(MigrateOneSite.plan(settings, journalDir, new MigrationListener() {
            @Override
            public void syncTimed(SyncTimed e) {
                syncs.add(e);
            }
        }));
        Migration resumed = Migration.open(plan);
        assertEquals(State.IN_PROGRESS, resumed.status().state());
        AtomicLong seed = new AtomicLong(900);
        Runnable visitors = phase == Phase.FINAL_SYNC
                ? () -> { }
                : () -> Demo.changeSource(kit, seed.incrementAndGet());
        MigrateOneSite.migrate(resumed, 2, visitors);

        assertEquals(State.COMPLETED, resumed.status().state());
        String doneSyncer = doneStep.substring(doneStep.indexOf(':') + 1);
        assertTrue(syncs.stream().noneMatch(e -> e.phase() == phase && e.syncer().equals(doneSyncer)),
                doneStep + " is not done twice: " + syncs);
        assertTrue(syncs.stream().anyMatch(e -> e.phase() == phase && e.syncer().equals("db")), "the cut-off step is redone");
        assertTrue(Demo.check(kit), "files, tables and DNS identical after the resume");
    }

    static boolean stepDone(List<JournalEntry> journal, Phase phase, String step) {
        return journal.stream().anyMatch(e -> e.kind() == EntryKind.STEP_DONE && e.phase() == phase && e.step().equals(step));
    }

    void killChildAt(String step, Path journalDir) throws Exception {
        Path props = work.resolve("settings.properties");
        try (OutputStream out = Files.newOutputStream(props)) {
            settings.toProperties().store(out, "kill test");
        }
        Path log = work.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChildMigration.class.getName(),
                props.toString(), journalDir.toString(), step)
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line; (line = r.readLine()) != null; ) {
                seen.append(line).append('\n');
                if (line.startsWith("KILL-ME")) {
                    child.destroyForcibly();
                    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child died");
                    assertEquals(137, child.exitValue(), "killed by SIGKILL");
                    Files.writeString(log, seen);
                    return;
                }
            }
            Files.writeString(log, seen);
            fail("the child ended without reaching " + step + ":\n" + seen);
        } finally {
            child.destroyForcibly();
        }
    }
}
