package io.sitemove.dns;

import io.sitemove.Secret;
import io.sitemove.spi.DnsRecord;
import io.sitemove.testkit.DnsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The test zone seen and changed independently of the code under test: with dig and nsupdate. */
final class DnsTools {
    /** A name the testkit's zone holds (A 127.0.0.2). */
    static final String SITE = "site.example.test.";
    /** Another (A 127.0.0.2). */
    static final String WWW = "www.site.example.test.";
    /** Switches both to 127.0.0.3. */
    static final TestContext SITE_AND_WWW = new TestContext(List.of(DnsRecord.a(SITE, 300, "127.0.0.3"),
            DnsRecord.a(WWW, 300, "127.0.0.3")));

    private final DnsServer dns;

    DnsTools(DnsServer dns) {
        this.dns = dns;
    }

    /** A switcher for the testkit's zone with the given secret. */
    Rfc2136Switcher switcher(String secret) {
        return Rfc2136Switcher.builder().zone(dns.zone()).server(dns.host(), dns.port())
                .tsig(dns.tsigKeyName(), dns.tsigAlgorithm(), Secret.of(secret)).timeout(Duration.ofSeconds(5)).build();
    }

    /** A switcher with the right key. */
    Rfc2136Switcher switcher() {
        return switcher(dns.tsigSecret());
    }

    /** dig's answer lines for a name and type, whitespace collapsed ("site.example.test. 300 IN A 127.0.0.2"). */
    List<String> dig(String name, String type) {
        String out = run(List.of("dig", "+norec", "+noall", "+answer", "+time=2", "+tries=1", "@" + dns.host(), "-p",
                Integer.toString(dns.port()), name, type), "");
        List<String> lines = new ArrayList<>();
        out.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith(";"))
                .forEach(l -> lines.add(String.join(" ", l.split("\\s+"))));
        return lines;
    }

    /** The zone's SOA serial, as dig sees it. */
    long serial() {
        String out = run(List.of("dig", "+norec", "+short", "+time=2", "+tries=1", "@" + dns.host(), "-p",
                Integer.toString(dns.port()), dns.zone(), "SOA"), "").strip();
        return Long.parseLong(out.split("\\s+")[2]);
    }

    /** How many records a zone transfer with dig and the key shows, both SOAs that frame it left out. */
    long axfrCount() {
        String out = run(List.of("dig", "+noall", "+answer", "+time=5", "+tries=1", "-y",
                dns.tsigAlgorithm() + ":" + dns.tsigKeyName() + ":" + dns.tsigSecret(), "@" + dns.host(), "-p",
                Integer.toString(dns.port()), dns.zone(), "AXFR"), "");
        List<String> records = out.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith(";")).toList();
        if (records.size() < 2 || !isSoa(records.get(0)) || !isSoa(records.get(records.size() - 1))) {
            throw new AssertionError("dig's zone transfer did not start with the SOA: " + out);
        }
        return records.size() - 2;
    }

    private static boolean isSoa(String answerLine) {
        String[] fields = answerLine.split("\\s+");
        return fields.length > 3 && fields[3].equals("SOA");
    }

    /** Waits up to 10 s until this server serves {@code serial}; returns the serial it serves then. */
    long awaitSerial(long serial) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long served = serial();
        while (served != serial && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            served = serial();
        }
        return served;
    }

    /** Runs nsupdate with the right key on the given update lines; throws when it fails. */
    void nsupdate(String... lines) {
        StringBuilder script = new StringBuilder("server " + dns.host() + " " + dns.port() + "\nzone " + dns.zone() + "\n");
        Arrays.stream(lines).forEach(l -> script.append(l).append('\n'));
        script.append("send\n");
        run(List.of("nsupdate", "-v", "-y", dns.tsigAlgorithm() + ":" + dns.tsigKeyName() + ":" + dns.tsigSecret()),
                script.toString());
    }

    private static String run(List<String> command, String input) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream s = p.getInputStream()) {
                s.transferTo(out);
            }
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish");
            }
            String text = out.toString(StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError(command.get(0) + " failed (" + p.exitValue() + "): " + text);
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
