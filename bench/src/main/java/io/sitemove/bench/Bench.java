package io.sitemove.bench;

import io.sitemove.bench.db.DbSuite;
import io.sitemove.bench.files.FilesSuite;
import io.sitemove.bench.verify.VerifySuite;
import io.sitemove.bench.wordpress.WordPressSuite;
import io.sitemove.testkit.JulToSlf4j;
import io.sitemove.testkit.Testkit;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs benchmark suites: {@code Bench [--quick] [suite...]} with the suites {@code files}, {@code db},
 * {@code verify} and {@code wordpress}; all suites when none is named. Starts the testkit's servers once under
 * {@code bench/target/}, runs each suite, stops the servers.
 */
public final class Bench {
    /**
     * Both MariaDB servers are sized like a hosting company's database host rather than the
     * testkit's small test fixture, so the copy's own cost shows instead of the server's page
     * flushing; every tool runs against the same two servers.
     */
    static final String[] SERVER_SIZING = {"--innodb-buffer-pool-size=1G", "--innodb-log-file-size=512M",
        "--innodb-io-capacity=2000"};

    private Bench() {
    }

    /** The suites, by name, in the order they run. */
    static Map<String, Suite> suites() {
        Map<String, Suite> all = new LinkedHashMap<>();
        for (Suite s : List.<Suite>of(new FilesSuite(), new DbSuite(), new VerifySuite(),
                new WordPressSuite())) {
            all.put(s.name(), s);
        }
        return all;
    }

    public static void main(String[] args) throws Exception {
        JulToSlf4j.install();
        boolean quick = false;
        List<String> names = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--quick")) {
                quick = true;
            } else {
                names.add(a);
            }
        }
        Map<String, Suite> all = suites();
        List<Suite> chosen = new ArrayList<>();
        for (String n : names.isEmpty() ? List.copyOf(all.keySet()) : names) {
            Suite s = all.get(n);
            if (s == null) {
                System.err.println("unknown suite '" + n + "'; the suites are " + all.keySet());
                System.err.println("usage: Bench [--quick] [suite...] (suites: " + String.join(", ", all.keySet())
                        + "; all when none named)");
                System.exit(2);
            }
            chosen.add(s);
        }
        BenchOut out = new BenchOut(System.out);
        Path work = Path.of("bench/target/bench-" + Instant.now().toEpochMilli()).toAbsolutePath();
        try (Testkit kit = Testkit.builder(work.resolve("servers")).ssh().mariaDb(SERVER_SIZING).web().start()) {
            out.note("servers: " + kit.oldSsh() + " -> " + kit.newSsh() + "; " + (quick ? "quick" : "full") + " sizes");
            out.note("mariadb: " + String.join(" ", SERVER_SIZING));
            for (Suite s : chosen) {
                s.run(new BenchContext(kit, work.resolve(s.name()), quick, out));
            }
        }
    }
}
