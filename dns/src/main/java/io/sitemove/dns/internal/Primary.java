package io.sitemove.dns.internal;

import io.sitemove.dns.DnsException;
import io.sitemove.dns.DnsTimeoutException;
import io.sitemove.dns.DnsUpdateException;
import io.sitemove.spi.DnsRecord;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * The primary name server of the zone, asked over TCP with every message signed by the TSIG key and
 * every response's signature verified (dnsjava records a bad signature but does not throw: this does).
 *
 * <p>Each answer is awaited at most the timeout. A {@link #bounded() bounded} copy, made for one
 * operation of the switcher, also keeps the operation's deadline: each answer is awaited at most the
 * time left, and once none is left nothing more is sent, so the operation ends within its deadline
 * however many queries it makes.
 */
public final class Primary {
    private final String host;
    private final int port;
    private final ZoneScope scope;
    private final Name keyName;
    private final Name algorithm;
    private final byte[] key;
    private final Duration timeout;
    private final Duration operationTimeout;
    private final long deadline;
    private final boolean hasDeadline;

    /**
     * @param timeout how long each answer is awaited
     * @param operationTimeout the deadline of one operation of a {@link #bounded()} copy
     */
    public Primary(String host, int port, ZoneScope scope, Name keyName, Name algorithm, byte[] key, Duration timeout,
            Duration operationTimeout) {
        this.host = host;
        this.port = port;
        this.scope = scope;
        this.keyName = keyName;
        this.algorithm = algorithm;
        this.key = key.clone();
        this.timeout = timeout;
        this.operationTimeout = operationTimeout;
        this.deadline = 0;
        this.hasDeadline = false;
    }

    private Primary(Primary p, long deadline) {
        this.host = p.host;
        this.port = p.port;
        this.scope = p.scope;
        this.keyName = p.keyName;
        this.algorithm = p.algorithm;
        this.key = p.key;
        this.timeout = p.timeout;
        this.operationTimeout = p.operationTimeout;
        this.deadline = deadline;
        this.hasDeadline = true;
    }

    /** A copy for one operation, whose deadline is the operation timeout from now. */
    public Primary bounded() {
        return new Primary(this, System.nanoTime() + operationTimeout.toNanos());
    }

    /**
     * How long the next answer may be awaited: the timeout, or less when the operation's deadline is
     * nearer; thrown when the deadline has passed.
     *
     * @param what what is to be asked, for the message
     */
    public Duration nextWait(String what) {
        Duration left = timeLeft(what);
        return left.compareTo(timeout) < 0 ? left : timeout;
    }

    /**
     * The time left before the operation's deadline (the whole operation timeout for a copy that is not
     * {@link #bounded()}); thrown when it has passed.
     *
     * @param what what is to be asked, for the message
     */
    public Duration timeLeft(String what) {
        if (!hasDeadline) {
            return operationTimeout;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new DnsTimeoutException("the operation's deadline of " + Settings.text(operationTimeout)
                    + " with " + label() + " ran out before " + what + " could be sent: " + label()
                    + " answers too slowly; check the name server and its load, or raise operationTimeout", null);
        }
        return Duration.ofNanos(left);
    }

    /** The deadline of one operation. */
    public Duration operationTimeout() {
        return operationTimeout;
    }

    /** What bounds a wait of {@code wait}, for messages. */
    String bound(Duration wait) {
        return wait.equals(timeout) ? "the timeout of one answer"
                : "the rest of the operation's deadline of " + Settings.text(operationTimeout);
    }

    public ZoneScope scope() {
        return scope;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Where the primary listens. */
    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    /** A fresh TSIG signer with the key, for one exchange or one zone transfer. */
    TSIG tsig() {
        return Tsigs.create(algorithm, keyName, key);
    }

    /** "host:port". */
    public String label() {
        return host + ":" + port;
    }

    /** "TSIG key sitemove-key. (hmac-sha256.)", never the secret. */
    public String keyLabel() {
        return "TSIG key " + keyName + " (" + algorithm + ")";
    }

    /** Sends a signed message and checks the response's signature; the response code is left to the caller. */
    public Message exchange(Message message, String what, boolean update) {
        Duration wait = nextWait(what);
        Message response = Queries.send(address(), message, tsig(), true, wait, what, bound(wait));
        TSIGRecord t = response.getTSIG();
        if (t != null && t.getError() != Rcode.NOERROR) {
            String text = keyLabel() + " rejected by " + label() + " (" + Tsigs.errorName(t.getError()) + ") for " + what
                    + ": check key name, algorithm and secret" + (t.getError() == Rcode.BADTIME
                            ? " and that this machine's clock is right" : "") + "; nothing was changed";
            if (update) {
                throw new DnsUpdateException(text, response.getRcode(), t.getError(), false);
            }
            throw new DnsException(text, null, false);
        }
        if (!response.isVerified()) {
            String rcode = Rcode.string(response.getRcode());
            throw new DnsException("the answer of " + label() + " to " + what + " (" + rcode + ") is "
                    + (t == null ? "not signed" : "signed but its signature does not verify") + " with " + keyLabel()
                    + ": refusing to trust it; check that the server knows this key (name, algorithm and secret)"
                    + (update ? "; read the records to see whether the update was made" : ""), null, false);
        }
        return response;
    }

    /** A signed, non-recursive query that must be answered authoritatively with NOERROR or NXDOMAIN. */
    public Message query(Name name, int type) {
        String what = name + " " + Type.string(type);
        Message response = exchange(Queries.question(name, type), what, false);
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new DnsException(label() + " answered " + Rcode.string(rcode) + " for " + what
                    + "; check the server's log for zone " + scope, null, rcode == Rcode.SERVFAIL);
        }
        if (!response.getHeader().getFlag(Flags.AA)) {
            throw new DnsException(label() + " is not authoritative for zone " + scope + " (no AA flag in its answer for "
                    + what + "): point the switcher at the zone's primary server", null, false);
        }
        return response;
    }

    /** The records of one RRset (empty when it does not exist). */
    public List<DnsRecord> readSet(RRsetKey set) {
        Name name = scope.check(set.name());
        int type = Records.type(set.type());
        List<DnsRecord> out = new ArrayList<>();
        for (Record r : query(name, type).getSection(Section.ANSWER)) {
            if (r.getName().equals(name) && r.getType() == type) {
                out.add(Records.fromDnsjava(r));
            }
        }
        return out;
    }

    /** The records of several RRsets, in order. */
    public List<DnsRecord> read(List<RRsetKey> sets) {
        List<DnsRecord> out = new ArrayList<>();
        sets.forEach(s -> out.addAll(readSet(s)));
        return out;
    }

    /** The zone's SOA serial. */
    public long serial() {
        for (Record r : query(scope.zone(), Type.SOA).getSection(Section.ANSWER)) {
            if (r instanceof SOARecord soa && r.getName().equals(scope.zone())) {
                return soa.getSerial();
            }
        }
        throw new DnsException(label() + " has no SOA record for zone " + scope + ": check that it serves this zone",
                null, false);
    }

    /** The zone's NS names. */
    public List<Name> nameservers() {
        List<Name> out = new ArrayList<>();
        for (Record r : query(scope.zone(), Type.NS).getSection(Section.ANSWER)) {
            if (r instanceof NSRecord ns && r.getName().equals(scope.zone())) {
                out.add(ns.getTarget());
            }
        }
        return out;
    }

    /** The addresses the primary holds for a name in the zone (glue for name servers). */
    public List<InetAddress> addresses(Name name) {
        List<InetAddress> out = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            for (Record r : query(name, type).getSection(Section.ANSWER)) {
                if (r instanceof ARecord a) {
                    out.add(a.getAddress());
                } else if (r instanceof AAAARecord aaaa) {
                    out.add(aaaa.getAddress());
                }
            }
        }
        return out;
    }
}
