package io.sitemove.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What dig sees on the testkit's name servers, and nsupdate on its primary, for the secondary's tests. */
final class SecondaryDns {

    private SecondaryDns() {
    }

    /** dig's "+short" answer, asked without recursion. */
    static String dig(DnsServer server, String name, String type) {
        Commands.Result answer = Commands.execute(List.of("dig", "+norec", "+short", "+time=2", "+tries=1",
                "@" + server.host(), "-p", Integer.toString(server.port()), name, type), "", Duration.ofSeconds(10));
        assertEquals(0, answer.exitCode(), answer.output());
        return answer.output().strip();
    }

    /** dig's header flags line for the zone's SOA ("flags: qr aa; QUERY: 1, ..."). */
    static String soaFlags(DnsServer server) {
        Commands.Result answer = Commands.execute(List.of("dig", "+norec", "+time=2", "+tries=1",
                "@" + server.host(), "-p", Integer.toString(server.port()), server.zone(), "SOA"), "",
                Duration.ofSeconds(10));
        assertEquals(0, answer.exitCode(), answer.output());
        return answer.output().lines().filter(l -> l.contains("flags:")).findFirst().orElse("");
    }

    static long serial(DnsServer server) {
        return Long.parseLong(dig(server, server.zone(), "SOA").split("\\s+")[2]);
    }

    static void nsupdate(DnsServer primary, String... lines) {
        StringBuilder script = new StringBuilder("server " + primary.host() + " " + primary.port() + "\nzone "
                + primary.zone() + "\n");
        for (String line : lines) {
            script.append(line).append('\n');
        }
        script.append("send\n");
        Commands.Result result = Commands.execute(List.of("nsupdate", "-y", primary.tsigAlgorithm() + ":"
                + primary.tsigKeyName() + ":" + primary.tsigSecret()), script.toString(), Duration.ofSeconds(20));
        assertEquals(0, result.exitCode(), result.output());
    }

    /** Waits, up to 10 s, until the server serves {@code serial}; returns the serial it serves at the end. */
    static long awaitSerial(DnsServer server, long serial) {
        Instant deadline = Instant.now().plusSeconds(10);
        long served = serial(server);
        while (served != serial && Instant.now().isBefore(deadline)) {
            Waits.pause();
            served = serial(server);
        }
        return served;
    }
}
