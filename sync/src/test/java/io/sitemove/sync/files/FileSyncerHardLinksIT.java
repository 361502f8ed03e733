package io.sitemove.sync.files;

import io.sitemove.remote.TestServers;
import io.sitemove.remote.TestContext;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sitemove.Server;
import io.sitemove.spi.Side;
import io.sitemove.spi.SyncMode;
import io.sitemove.spi.SyncResult;
import io.sitemove.testkit.Testkit;
import io.sitemove.testkit.WithTestkit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hard links through deltas, on both routes: a name added to a linked file, and content changed in place
 * under every name, leave the target with the source's groups of names per inode. Groups are read with
 * stat(1) on this machine, where both testkit servers keep their roots.
 */
@WithTestkit(ssh = true, mariaDb = false, dns = false)
class FileSyncerHardLinksIT {
    private final Testkit kit;
    private final Server oldServer;
    private final Server newServer;

    FileSyncerHardLinksIT(Testkit kit) {
        this.kit = kit;
        oldServer = TestServers.oldServer(kit);
        newServer = TestServers.newServer(kit);
    }

    private SyncResult sync(FileSyncer files, SyncMode mode) {
        return files.sync(TestContext.forward(oldServer, newServer, mode));
    }

    @ParameterizedTest
    @EnumSource(value = Strategy.class, names = {"DIRECT", "RELAY"})
    void aNameAddedToALinkedFileAndContentChangedUnderAllNamesKeepTheLinkGroups(Strategy strategy) throws Exception {
        String dir = "links-" + strategy.name().toLowerCase();
        Path source = kit.oldSsh().root().resolve(dir);
        Path target = kit.newSsh().root().resolve(dir);
        Files.createDirectories(source.resolve("sub"));
        Files.createDirectories(source.resolve("other"));
        LocalTrees.write(source.resolve("a"), "one inode, many names");
        Files.createLink(source.resolve("sub/b"), source.resolve("a"));
        Files.createLink(source.resolve("c"), source.resolve("a"));
        LocalTrees.write(source.resolve("x"), "a pair of names");
        Files.createLink(source.resolve("other/y"), source.resolve("x"));
        for (int i = 0; i < 4; i++) {
            LocalTrees.write(source.resolve("single" + i), "single " + i);
        }
        FileSyncer files = FileSyncer.builder().strategy(strategy).sourceRoot(source.toString())
                .targetRoot(target.toString()).authorizedKeysFile(Side.TARGET, kit.newSsh().authorizedKeys().toString())
                .build();

        sync(files, SyncMode.FULL);

        assertEquals(List.of(Set.of("./a", "./c", "./sub/b"), Set.of("./other/y", "./x")), linkGroups(source));
        assertSameLinksAndContent(source, target);

        Files.createLink(source.resolve("other/d"), source.resolve("a"));

        SyncResult added = sync(files, SyncMode.DELTA);

        assertEquals(strategy == Strategy.DIRECT ? Route.DIRECT : Route.RELAY, Details.of(added).route());
        assertEquals(4, added.moved().files(), "the whole group travels with its new name");
        assertEquals(List.of(Set.of("./a", "./c", "./other/d", "./sub/b"), Set.of("./other/y", "./x")),
                linkGroups(target));
        assertSameLinksAndContent(source, target);

        Files.writeString(source.resolve("a"), "one inode, many names, each with new content");
        Files.setLastModifiedTime(source.resolve("a"), FileTime.fromMillis(1_650_000_000_000L));

        SyncResult changed = sync(files, SyncMode.DELTA);

        assertEquals(4, changed.moved().files(), "every name of the changed file");
        assertEquals("one inode, many names, each with new content", Files.readString(target.resolve("other/d")));
        assertSameLinksAndContent(source, target);
        assertEquals(0, sync(files, SyncMode.DELTA).changes(), "nothing left to do");
    }

    private static void assertSameLinksAndContent(Path source, Path target) throws Exception {
        assertEquals(linkCounts(source), linkCounts(target), "link counts by name");
        assertEquals(linkGroups(source), linkGroups(target), "names sharing an inode");
        LocalTrees.assertSame(source, target);
    }

    /** The groups of names (two or more) that share an inode, by {@code stat -c '%h %i %n'}. */
    private static List<Set<String>> linkGroups(Path root) throws Exception {
        Map<String, Set<String>> byInode = new TreeMap<>();
        for (String[] line : stat(root)) {
            byInode.computeIfAbsent(line[1], i -> new TreeSet<>()).add(line[2]);
        }
        return byInode.values().stream().filter(names -> names.size() > 1)
                .sorted((x, y) -> x.iterator().next().compareTo(y.iterator().next())).toList();
    }

    /** Each file's link count, by name. */
    private static Map<String, String> linkCounts(Path root) throws Exception {
        Map<String, String> counts = new TreeMap<>();
        for (String[] line : stat(root)) {
            counts.put(line[2], line[0]);
        }
        return counts;
    }

    private static List<String[]> stat(Path root) throws Exception {
        Process find = new ProcessBuilder("find", ".", "-type", "f", "-exec", "stat", "-c", "%h %i %n", "{}", "+")
                .directory(root.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(find.getInputStream().readAllBytes());
        assertEquals(0, find.waitFor(), out);
        return out.lines().map(l -> l.split(" ", 3)).toList();
    }
}
