package io.sitemove.remote.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.transport.cipher.Cipher;
import org.junit.jupiter.api.Test;

class FastCiphersFirstTest {

    @Test
    void offersGcmFirstAndKeepsEveryOtherCipherOnceInItsOrder() {
        List<String> defaults = names(new DefaultConfig().getCipherFactories());
        List<String> ordered = names(FastCiphersFirst.order(new DefaultConfig().getCipherFactories()));
        assertEquals(List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com"), ordered.subList(0, 2));
        List<String> rest = defaults.stream().filter(n -> !n.startsWith("aes128-gcm") && !n.startsWith("aes256-gcm"))
                .toList();
        assertEquals(rest, ordered.subList(2, ordered.size()));
    }

    @Test
    void itsGcmCiphersEncryptAndDecryptAPacketAsSshjExpects() {
        byte[] key = new byte[16];
        byte[] iv = new byte[12];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7);
        }
        Factory.Named<Cipher> gcm = FastCiphersFirst.order(List.of()).get(0);
        Cipher encrypt = gcm.create();
        Cipher decrypt = gcm.create();
        encrypt.init(Cipher.Mode.Encrypt, key, iv);
        decrypt.init(Cipher.Mode.Decrypt, key, iv);
        for (int packet = 0; packet < 3; packet++) {
            byte[] plain = ("packet " + packet + " of the relay").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] buffer = new byte[4 + plain.length + encrypt.getAuthenticationTagSize()];
            buffer[3] = (byte) plain.length;
            System.arraycopy(plain, 0, buffer, 4, plain.length);
            encrypt.updateAAD(buffer, 0, 4);
            encrypt.update(buffer, 4, plain.length);
            decrypt.updateAAD(buffer, 0, 4);
            decrypt.update(buffer, 4, plain.length);
            assertEquals(new String(plain, java.nio.charset.StandardCharsets.US_ASCII),
                    new String(buffer, 4, plain.length, java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private static List<String> names(List<Factory.Named<Cipher>> factories) {
        return factories.stream().map(Factory.Named::getName).toList();
    }
}
