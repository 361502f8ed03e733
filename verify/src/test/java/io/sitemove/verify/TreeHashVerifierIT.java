package io.sitemove.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.spi.CheckResult;
import io.sitemove.spi.Finding;
import io.sitemove.spi.Verification;
import io.sitemove.spi.VerifyStage;
import io.sitemove.sync.files.FileSyncer;
import io.sitemove.sync.files.Preset;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The tree verifier on a copy made with {@code cp -a}, and on that copy with one fault planted. */
@WithTestkit(ssh = true, mariaDb = false, dns = false)
class TreeHashVerifierIT {
    private static final String ODD_NAME = "odd\\nname\\xff.txt";

    private final Testkit kit;
    private Path oldTree;
    private Path newTree;

    TreeHashVerifierIT(Testkit kit) {
        this.kit = kit;
    }

    @BeforeEach
    void givenTwoIdenticalTrees(TestInfo test) throws Exception {
        String dir = test.getTestMethod().orElseThrow().getName();
        oldTree = kit.oldSsh().root().resolve(dir);
        newTree = kit.newSsh().root().resolve(dir);
        Files.createDirectories(oldTree.resolve("wp-content/plugins"));
        Files.writeString(oldTree.resolve("index.php"), "<?php echo 'home';\n");
        Files.writeString(oldTree.resolve("wp-content/plugins/shop.php"), "<?php // plugin\n");
        Files.writeString(oldTree.resolve("wp-config.php"), "<?php define('DB', 'x');\n");
        Files.createSymbolicLink(oldTree.resolve("current"), Path.of("wp-content/plugins"));
        run(oldTree, "sh", "-c", "printf 'odd file' > \"$(printf 'odd\\nname\\377.txt')\"");
        run(oldTree.getParent(), "cp", "-a", oldTree.toString(), newTree.toString());
    }

    @Test
    void aFaithfulCopyPassesAtEveryStage() {
        for (VerifyStage stage : List.of(VerifyStage.FUNCTIONAL, VerifyStage.CUTOVER)) {
            Verification result = verifier().compareOwner(true).build().verify(Contexts.of(kit, stage));

            assertTrue(result.passed(), result.toString());
            assertEquals(List.of(), result.findings());
            assertTrue(result.summary().startsWith("7 entries identical"), result.summary());
        }
    }

    @Test
    void anInterruptedSyncsStagingDirectoryIsLeftOut() throws Exception {
        Path staging = newTree.resolve(FileSyncer.STAGING_PREFIX + "k3j2");
        Files.createDirectories(staging.resolve("wp-content"));
        Files.writeString(staging.resolve("wp-content/half.jpg"), "partial");

        Verification result = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertTrue(result.passed(), result.toString());
        assertTrue(result.summary().startsWith("7 entries identical"), result.summary());
    }

    @Test
    void aFileWithTheSameSizeAndMtimeButOtherContentIsCaughtWhenEveryFileIsHashed() throws Exception {
        plantSameSizeAndMtimeChange("wp-content/plugins/shop.php");

        Verification result = verifier().contentHashes(ContentHashes.ALWAYS).build()
                .verify(Contexts.of(kit, VerifyStage.CUTOVER));

        assertFalse(result.passed());
        assertEquals(1, result.findings().size(), result.findings().toString());
        assertContent("wp-content/plugins/shop.php", result.findings().get(0));
        assertTrue(result.summary().startsWith("1 of 7 entries differ"), result.summary());
    }

    @Test
    void aFileWithTheSameSizeAndMtimeButOtherContentIsMissedWithoutHashingEveryFile() throws Exception {
        plantSameSizeAndMtimeChange("wp-content/plugins/shop.php");

        for (ContentHashes when : List.of(ContentHashes.NEVER, ContentHashes.WHEN_SIZE_OR_MTIME_DIFFER)) {
            Verification result = verifier().contentHashes(when).build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

            assertTrue(result.passed(), when + ": " + result);
        }
        Verification byDefault = verifier().build().verify(Contexts.of(kit, VerifyStage.CUTOVER));
        assertTrue(byDefault.passed(), "the cutover's quick check trusts size and mtime: " + byDefault);
        Verification functional = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));
        assertFalse(functional.passed(), "functional testing hashes every file by default: " + functional);
    }

    @Test
    void atCutoverAFileWithTheSameSizeButANewMtimeIsHashed() throws Exception {
        Path file = newTree.resolve("index.php");
        Files.writeString(file, "<?php echo 'HOME';\n");
        Files.setLastModifiedTime(file, FileTime.from(1_000_000_000L, TimeUnit.SECONDS));

        Verification result = verifier().build().verify(Contexts.of(kit, VerifyStage.CUTOVER));

        assertFalse(result.passed());
        assertEquals(List.of("mtime index.php", "content index.php"), checksAndSubjects(result));
        assertEquals("2001-09-09T01:46:40Z", result.findings().get(0).actual());
        assertContent("index.php", result.findings().get(1));
        assertTrue(result.summary().startsWith("1 of 7 entries differ"), result.summary());
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Files.delete(newTree.resolve("wp-config.php"));

        Verification result = verifier().compareMtime(false).build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertFalse(result.passed());
        assertEquals(List.of(Finding.blocking("missing", "wp-config.php", "file (source)", "nothing", "sync the files again")),
                result.findings());
    }

    @Test
    void aSymlinkPointingElsewhereIsNamed() throws IOException {
        Files.delete(newTree.resolve("current"));
        Files.createSymbolicLink(newTree.resolve("current"), Path.of("wp-content"));

        Verification result = verifier().compareMtime(false).build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(List.of(Finding.blocking("link-target", "current", "-> wp-content/plugins (source)", "-> wp-content",
                "sync the files again")), result.findings());
    }

    @Test
    void aChangedModeIsNamed() throws IOException {
        Files.setPosixFilePermissions(oldTree.resolve("wp-config.php"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(newTree.resolve("wp-config.php"), PosixFilePermissions.fromString("rw-------"));

        Verification result = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(List.of(Finding.blocking("mode", "wp-config.php", "0644 (source)", "0600", "sync the files again")),
                result.findings());
    }

    @Test
    void aChangedOwnerIsNamedWhenOwnersAreCompared() throws Exception {
        run(newTree, "chown", "-h", "65534:65534", "wp-config.php");
        String source = owner(oldTree.resolve("wp-config.php"));
        String target = owner(newTree.resolve("wp-config.php"));

        Verification compared = verifier().compareOwner(true).build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));
        Verification notCompared = verifier().build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(List.of(Finding.blocking("owner", "wp-config.php", source + " (source)", target,
                "sync the files again")), compared.findings());
        assertTrue(notCompared.passed(), notCompared.toString());
    }

    @Test
    void aFileNamedWithANewlineAndANonUtf8ByteIsComparedAndShownEscaped() throws Exception {
        run(newTree, "sh", "-c", "printf 'odd FILE' > \"$(printf 'odd\\nname\\377.txt')\"");

        Verification result = verifier().compareMtime(false).build().verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(1, result.findings().size(), result.findings().toString());
        assertContent(ODD_NAME, result.findings().get(0));
    }

    @Test
    void extraFilesAreNamedAndTheSyncersExclusionsAreLeftOut() throws IOException {
        Files.createDirectories(newTree.resolve("wp-content/cache"));
        Files.createDirectories(oldTree.resolve("wp-content/cache"));
        Files.writeString(newTree.resolve("wp-content/cache/page.html"), "cached");
        Files.writeString(newTree.resolve("debug.log"), "log");
        Files.writeString(newTree.resolve(".maintenance"), "<?php $upgrading = 1;");
        Files.writeString(newTree.resolve("new.php"), "<?php\n");
        FileSyncer syncer = FileSyncer.builder().sourceRoot(oldTree.toString()).targetRoot(newTree + "/")
                .preset(Preset.WORDPRESS).exclude("*.log").build();

        Verification result = TreeHashVerifier.builder().from(syncer).compareMtime(false).build()
                .verify(Contexts.of(kit, VerifyStage.FUNCTIONAL));

        assertEquals(List.of(Finding.blocking("extra", "new.php", "nothing (source)", "file",
                "remove it on the target or sync the files again with deletion")), result.findings());
        assertTrue(result.summary().startsWith("1 of 9 entries differ"), result.summary());
    }

    @Test
    void preflightChecksBothRoots() {
        Contexts.Ctx ctx = Contexts.of(kit, VerifyStage.FUNCTIONAL);

        List<CheckResult> ok = verifier().build().preflight(ctx);
        List<CheckResult> missing = TreeHashVerifier.builder().roots(oldTree.toString(), newTree + "-missing").build()
                .preflight(ctx);

        assertEquals(2, ok.size());
        assertTrue(ok.stream().allMatch(CheckResult::passed), ok.toString());
        assertTrue(missing.get(0).passed(), missing.toString());
        assertFalse(missing.get(1).passed());
        assertTrue(missing.get(1).detail().contains("-missing is not a readable directory"), missing.toString());
    }

    private void plantSameSizeAndMtimeChange(String path) throws IOException {
        Path file = newTree.resolve(path);
        FileTime mtime = Files.getLastModifiedTime(file);
        String text = Files.readString(file);
        Files.writeString(file, text.toUpperCase());
        Files.setLastModifiedTime(file, mtime);
        assertEquals(Files.size(oldTree.resolve(path)), Files.size(file));
        assertFalse(text.equals(Files.readString(file)));
    }

    private TreeHashVerifier.Builder verifier() {
        return TreeHashVerifier.builder().roots(oldTree.toString(), newTree.toString());
    }

    static void assertContent(String path, Finding f) {
        assertEquals("content", f.check(), f.toText());
        assertEquals(path, f.subject(), f.toText());
        assertEquals(Finding.Severity.BLOCKING, f.severity(), f.toText());
        assertTrue(f.expected().matches("sha256 [0-9a-f]{16}\\.\\.\\. \\(source\\)"), f.toText());
        assertTrue(f.actual().matches("sha256 [0-9a-f]{16}\\.\\.\\."), f.toText());
        assertFalse(f.expected().startsWith(f.actual()), f.toText());
    }

    static List<String> checksAndSubjects(Verification result) {
        return result.findings().stream().map(f -> f.check() + " " + f.subject()).toList();
    }

    static String owner(Path path) throws IOException {
        PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.owner().getName() + ":" + a.group().getName();
    }

    static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
    }
}
