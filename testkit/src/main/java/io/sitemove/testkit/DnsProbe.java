package io.sitemove.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Base64;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Asks the testkit's name servers for the zone's SOA, and sends a secondary a NOTIFY, with dnsjava. */
final class DnsProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private DnsProbe() {
    }

    /**
     * What a server answered for the zone's SOA.
     *
     * @param authoritative whether the answer had the AA flag
     * @param serial the SOA serial
     * @param hostmaster the SOA's responsible-person name
     */
    record Soa(boolean authoritative, long serial, String hostmaster) {
    }

    /** The zone's SOA as the server answers it without recursion, or null when it has none or does not answer. */
    static Soa soa(String host, int port) {
        Message query = Message.newQuery(Record.newRecord(zone(), Type.SOA, DClass.IN));
        query.getHeader().unsetFlag(Flags.RD);
        Message response;
        try {
            response = resolver(host, port).send(query);
        } catch (IOException e) {
            return null;
        }
        for (Record answer : response.getSection(Section.ANSWER)) {
            if (answer instanceof SOARecord soa && answer.getName().equals(zone())) {
                return new Soa(response.getHeader().getFlag(Flags.AA), soa.getSerial(), soa.getAdmin().toString());
            }
        }
        return null;
    }

    /** Sends a NOTIFY for the zone, signed with the server's TSIG key; throws unless it is acknowledged. */
    static void notify(DnsServer server) {
        Message notify = Message.newQuery(Record.newRecord(zone(), Type.SOA, DClass.IN));
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().setFlag(Flags.AA);
        notify.getHeader().unsetFlag(Flags.RD);
        SimpleResolver resolver = resolver(server.host(), server.port());
        resolver.setTSIGKey(new TSIG(name(server.tsigAlgorithm()), name(server.tsigKeyName()),
                Base64.getDecoder().decode(server.tsigSecret())));
        String where = "the secondary name server " + server.host() + ":" + server.port();
        Message response;
        try {
            response = resolver.send(notify);
        } catch (IOException e) {
            throw new TestkitException("cannot send a NOTIFY to " + where + ": " + e.getMessage(), e);
        }
        if (response.getRcode() != Rcode.NOERROR) {
            throw new TestkitException(where + " answered " + Rcode.string(response.getRcode())
                    + " to a NOTIFY for " + DnsZone.ZONE + "; see its named.log");
        }
    }

    private static SimpleResolver resolver(String host, int port) {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(Ports.address(host), port));
        resolver.setTimeout(TIMEOUT);
        return resolver;
    }

    private static Name zone() {
        return name(DnsZone.ZONE);
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw new TestkitException("not a DNS name: " + text, e);
        }
    }
}
