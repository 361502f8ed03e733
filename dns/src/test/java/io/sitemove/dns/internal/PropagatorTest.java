package io.sitemove.dns.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.spi.DnsRecord;
import io.sitemove.spi.Propagation;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Propagation not reached in time is an answer, not a failure: each server's answer, or why it gave
 * none, is reported, and the check ends at its timeout however the servers behave. Servers are UDP
 * responders on loopback: one that answers the expected records, one that never answers.
 */
class PropagatorTest {
    private static final String WWW = "www.example.test.";
    private static final RRsetKey SET = new RRsetKey(WWW, "A");
    private static final List<DnsRecord> EXPECTED = List.of(DnsRecord.a(WWW, 300, "192.0.2.9"));
    private static final ZoneScope SCOPE = new ZoneScope(Records.name("example.test."));

    private final DatagramSocket silent = socket();
    private final DatagramSocket answering = socket();

    @AfterEach
    void closeTheServers() {
        silent.close();
        answering.close();
    }

    @Test
    void completesWhenEveryServerAnswersTheExpectedRecords() {
        answerWith(EXPECTED.get(0));

        Propagation p = propagator(new Authorities.Server("ns1", address(answering))).await(List.of(SET), EXPECTED,
                Duration.ofSeconds(5));

        assertTrue(p.complete(), p.answers().toString());
        assertEquals("serial 7, www.example.test. 300 A 192.0.2.9", p.answers().get("ns1"));
    }

    @Test
    void aServerThatNeverAnswersIsReportedAndTheCheckEndsAtItsTimeout() {
        answerWith(EXPECTED.get(0));
        Propagator propagator = propagator(new Authorities.Server("ns1", address(answering)),
                new Authorities.Server("ns2", address(silent)), new Authorities.Server("ns3", null));
        long start = System.nanoTime();

        Propagation p = propagator.await(List.of(SET), EXPECTED, Duration.ofSeconds(1));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertFalse(p.complete(), p.answers().toString());
        assertEquals("serial 7, www.example.test. 300 A 192.0.2.9", p.answers().get("ns1"));
        assertTrue(p.answers().get("ns2").startsWith("no answer from " + Queries.label(address(silent))),
                p.answers().toString());
        assertEquals("no address found for this name server", p.answers().get("ns3"));
        assertTrue(took.compareTo(Duration.ofMillis(2500)) < 0, "took " + took + " for a timeout of 1 s");
        assertTrue(p.took().compareTo(Duration.ofSeconds(1)) >= 0, "asked until the timeout: " + p.took());
    }

    @Test
    void aServerWithOtherRecordsIsReportedWithWhatItAnswered() {
        answerWith(DnsRecord.a(WWW, 300, "192.0.2.1"));

        Propagation p = propagator(new Authorities.Server("ns1", address(answering))).await(List.of(SET), EXPECTED,
                Duration.ofMillis(500));

        assertFalse(p.complete());
        assertEquals("serial 7, www.example.test. 300 A 192.0.2.1 (expected www.example.test. 300 A 192.0.2.9)",
                p.answers().get("ns1"));
    }

    private static Propagator propagator(Authorities.Server... servers) {
        return new Propagator(SCOPE, Duration.ofMillis(300), () -> List.of(servers));
    }

    /** Answers every query on {@link #answering}, authoritatively: the SOA with serial 7, and {@code record}. */
    private void answerWith(DnsRecord record) {
        Thread responder = new Thread(() -> {
            byte[] buffer = new byte[512];
            while (!answering.isClosed()) {
                try {
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    answering.receive(packet);
                    byte[] out = answer(new Message(packet.getData()), record).toWire();
                    answering.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
                } catch (IOException closed) {
                    return;
                }
            }
        }, "test-dns-responder");
        responder.setDaemon(true);
        responder.start();
    }

    private static Message answer(Message query, DnsRecord record) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        if (question.getType() == Type.SOA) {
            Name zone = SCOPE.zone();
            response.addRecord(new SOARecord(zone, DClass.IN, 300, Records.name("ns1.example.test."),
                    Records.name("admin.example.test."), 7, 3600, 600, 86400, 300), Section.ANSWER);
        } else if (question.getName().equals(Records.name(record.name())) && question.getType() == Type.A) {
            response.addRecord(Records.toDnsjava(record, record.ttl()), Section.ANSWER);
        }
        return response;
    }

    private static InetSocketAddress address(DatagramSocket socket) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    private static DatagramSocket socket() {
        try {
            return new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }
}
