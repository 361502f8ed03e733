package io.sitemove.dns.internal;

import io.sitemove.dns.DnsTimeoutException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;

/** Sends one DNS message to one server, without any cache, and turns I/O failures into sitemove's. */
public final class Queries {
    private Queries() {
    }

    /** A non-recursive query (RD off) for one name and type. */
    public static Message question(Name name, int type) {
        Message m = Message.newQuery(Record.newRecord(name, type, DClass.IN));
        m.getHeader().unsetFlag(Flags.RD);
        return m;
    }

    /** A recursive query (RD on), as a stub resolver sends to a recursive resolver. */
    public static Message recursiveQuestion(Name name, int type) {
        return Message.newQuery(Record.newRecord(name, type, DClass.IN));
    }

    /**
     * Sends {@code message} and returns the response unchecked; waits at most {@code timeout} in all,
     * a retry over TCP of a truncated UDP answer included.
     *
     * @param tsig the key to sign with (dnsjava then verifies the response), or null
     * @param tcp true for TCP, false for UDP with a TCP retry on truncation
     */
    public static Message send(InetSocketAddress server, Message message, TSIG tsig, boolean tcp, Duration timeout,
            String what) {
        return send(server, message, tsig, tcp, timeout, what, "the timeout of one answer");
    }

    /**
     * As {@link #send(InetSocketAddress, Message, TSIG, boolean, Duration, String)}, with {@code bound}
     * naming the wait in the message when it runs out ("the rest of the operation's deadline of 30 s").
     */
    public static Message send(InetSocketAddress server, Message message, TSIG tsig, boolean tcp, Duration timeout,
            String what, String bound) {
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTCP(tcp);
        resolver.setTimeout(timeout);
        if (tsig != null) {
            resolver.setTSIGKey(tsig);
        }
        try {
            return resolver.send(message);
        } catch (SocketTimeoutException e) {
            throw timeout(server, what, timeout, bound, e);
        } catch (IOException e) {
            if (e.getCause() instanceof TimeoutException || e.getCause() instanceof SocketTimeoutException) {
                throw timeout(server, what, timeout, bound, e);
            }
            throw new DnsTimeoutException("cannot ask " + label(server) + " for " + what + ": " + reason(e)
                    + "; check that the name server runs and that TCP and UDP to its port are open", e);
        }
    }

    /** Why an exchange failed, in words, for a message. */
    public static String reason(IOException e) {
        if (e instanceof PortUnreachableException) {
            return "nothing listens on that port (port unreachable)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** "host:port" of a server. */
    public static String label(InetSocketAddress server) {
        return server.getHostString() + ":" + server.getPort();
    }

    private static DnsTimeoutException timeout(InetSocketAddress server, String what, Duration timeout, String bound,
            IOException e) {
        return new DnsTimeoutException("no answer from " + label(server) + " for " + what + " within "
                + Settings.text(timeout) + " (" + bound + "); check that the name server runs and that its port is open",
                e);
    }
}
