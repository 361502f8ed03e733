package io.sitemove.bench.db;

import io.sitemove.testkit.MariaDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tools a user would otherwise pick, run as they would run them: {@code mysqldump | mysql} and
 * {@code mydumper} then {@code myloader}, over TCP, the password in {@code MYSQL_PWD} (never on a
 * command line).
 */
final class DumpTools {
    private final MariaDb from;
    private final MariaDb to;

    DumpTools(MariaDb from, MariaDb to) {
        this.from = from;
        this.to = to;
    }

    /** {@code mysqldump --single-transaction --routines --triggers --events DB | mysql DB}. */
    void mysqldump(String db, String targetDb) throws IOException, InterruptedException {
        String dump = String.join(" ", "mysqldump", "--protocol=tcp", "-h", quote(from.host()), "-P",
                Integer.toString(from.port()), "-u", quote(from.user()), "--single-transaction", "--routines",
                "--triggers", "--events", quote(db));
        String load = String.join(" ", "mysql", "--protocol=tcp", "-h", quote(to.host()), "-P",
                Integer.toString(to.port()), "-u", quote(to.user()), quote(targetDb));
        run(List.of("bash", "-c", "set -o pipefail; MYSQL_PWD=\"$SOURCE_PWD\" " + dump + " | MYSQL_PWD=\"$TARGET_PWD\" "
                + load), Map.of("SOURCE_PWD", from.password(), "TARGET_PWD", to.password()));
    }

    /** {@code mydumper -t N} into a fresh directory. */
    void mydumper(String db, Path dir, int threads) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("mydumper", "-h", from.host(), "-P", Integer.toString(from.port()),
                "-u", from.user(), "-B", db, "-t", Integer.toString(threads), "--trx-consistency-only", "-G", "-E", "-R",
                "-o", dir.toString()));
        run(cmd, Map.of("MYSQL_PWD", from.password()));
    }

    /** {@code myloader -t N} from that directory into the target database. */
    void myloader(Path dir, String targetDb, int threads) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("myloader", "-h", to.host(), "-P", Integer.toString(to.port()),
                "-u", to.user(), "-B", targetDb, "-t", Integer.toString(threads), "-o", "-d", dir.toString()));
        run(cmd, Map.of("MYSQL_PWD", to.password()));
    }

    private static void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("sitemove-bench", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        int rc = p.waitFor();
        String out = Files.readString(log);
        Files.deleteIfExists(log);
        if (rc != 0) {
            throw new IllegalStateException(command.get(0) + " failed (exit " + rc + "): "
                    + out.substring(Math.max(0, out.length() - 2000)));
        }
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
