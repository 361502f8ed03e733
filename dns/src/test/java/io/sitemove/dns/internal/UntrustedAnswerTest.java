package io.sitemove.dns.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sitemove.Secret;
import io.sitemove.dns.DnsException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * dnsjava records a response whose signature is missing or wrong but does not throw: the switcher must.
 * A BIND cannot be made to answer a signed query unsigned, so a one-answer TCP responder on loopback plays it.
 */
class UntrustedAnswerTest {
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String OTHER = "HxweHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=";

    @Test
    void anUnsignedAnswerIsRefused() throws Exception {
        DnsException e = answerWith(response -> response);
        assertTrue(e.getMessage().contains("is not signed with TSIG key sitemove-key."), e.getMessage());
    }

    @Test
    void anAnswerSignedWithAnotherKeyIsRefused() throws Exception {
        DnsException e = answerWith(response -> {
            response.setTSIG(new TSIG(TSIG.HMAC_SHA256, name("sitemove-key."), OTHER), Rcode.NOERROR, null);
            return response;
        });
        assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
    }

    private static DnsException answerWith(UnaryOperator<Message> sign) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> responder = CompletableFuture.runAsync(() -> answerOnce(server, sign));
            Name key = name("sitemove-key.");
            Primary primary = new Primary(server.getInetAddress().getHostAddress(), server.getLocalPort(),
                    new ZoneScope(name("example.test.")), key, TSIG.HMAC_SHA256, Tsigs.decode("k", Secret.of(KEY)),
                    Duration.ofSeconds(5), Duration.ofSeconds(30));
            DnsException e = assertThrows(DnsException.class, () -> primary.query(name("site.example.test."), Type.A));
            responder.get();
            return e;
        }
    }

    private static void answerOnce(ServerSocket server, UnaryOperator<Message> sign) {
        try (Socket s = server.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] query = new byte[in.readUnsignedShort()];
            in.readFully(query);
            Message q = new Message(query);
            Message response = new Message(q.getHeader().getID());
            response.getHeader().setFlag(Flags.QR);
            response.getHeader().setFlag(Flags.AA);
            response.addRecord(q.getQuestion(), org.xbill.DNS.Section.QUESTION);
            byte[] wire = sign.apply(response).toWire(65535);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Name name(String n) {
        return Records.name(n);
    }
}
