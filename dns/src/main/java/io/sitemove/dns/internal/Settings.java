package io.sitemove.dns.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The checks the switchers' builders make of what they are given: NPE for null, IAE for a bad value. */
public final class Settings {
    private Settings() {
    }

    /** A TCP or UDP port, 1 to 65535; {@code what} names it in the message ("server port"). */
    public static int port(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " " + port + " is outside 1..65535");
        }
        return port;
    }

    /** A wait longer than zero; {@code what} names it ("timeout"). */
    public static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what + " cannot be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + duration);
        }
        return duration;
    }

    /** A wait in words for a message: "5 s", "1500 ms". */
    public static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /**
     * A list of servers that may not be empty, copied.
     *
     * @param setting the builder's method ("authoritativeServers"), for the message when the list is empty
     * @param each what one entry is ("server", "resolver"): "servers cannot be null", "server cannot be null"
     * @param whenEmpty what to do instead ("leave it out to use the NS records")
     */
    public static List<InetSocketAddress> servers(List<InetSocketAddress> servers, String setting, String each,
            String whenEmpty) {
        Objects.requireNonNull(servers, each + "s cannot be null");
        servers.forEach(s -> Objects.requireNonNull(s, each + " cannot be null"));
        if (servers.isEmpty()) {
            throw new IllegalArgumentException(setting + " is empty; " + whenEmpty);
        }
        return List.copyOf(servers);
    }
}
