package io.sitemove.spi;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Objects;

/**
 * Who runs a site's migration: the runner that holds its journal's lease.
 *
 * @param owner what the panel calls this runner ("panel-worker-3"), or "sitemove"
 * @param host the machine's name
 * @param pid the process id
 * @param since when the lease was taken
 */
public record LeaseHolder(String owner, String host, long pid, Instant since) {
    public LeaseHolder {
        Objects.requireNonNull(owner, "owner cannot be null");
        Objects.requireNonNull(host, "host cannot be null");
        Objects.requireNonNull(since, "since cannot be null");
    }

    /** This process on this machine, from now. */
    public static LeaseHolder thisProcess(String owner, Instant now) {
        return new LeaseHolder(owner, hostName(), ProcessHandle.current().pid(), now);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    @Override
    public String toString() {
        return owner + " (pid " + pid + " on " + host + ", since " + since + ")";
    }
}
