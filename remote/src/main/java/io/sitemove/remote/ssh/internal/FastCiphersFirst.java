package io.sitemove.remote.ssh.internal;

import com.hierynomus.sshj.transport.cipher.GcmCipher;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.transport.cipher.Cipher;

/**
 * Puts AES-GCM first in the client's cipher preference, run by the JDK's own provider (SunJCE),
 * which uses the processor's AES and carry-less multiply instructions. sshj would otherwise pick
 * ChaCha20-Poly1305 and run every cipher in Bouncy Castle's plain Java, which caps a bulk transfer
 * well below what the network and the servers can do. Both are authenticated ciphers; the rest of
 * the list keeps its order, for servers that offer no GCM.
 */
public final class FastCiphersFirst {
    private FastCiphersFirst() {
    }

    public static List<Factory.Named<Cipher>> order(List<Factory.Named<Cipher>> factories) {
        List<Factory.Named<Cipher>> ordered = new ArrayList<>(List.of(new JdkGcm(16, "aes128-gcm@openssh.com"),
                new JdkGcm(32, "aes256-gcm@openssh.com")));
        for (Factory.Named<Cipher> f : factories) {
            if (ordered.stream().noneMatch(o -> o.getName().equals(f.getName()))) {
                ordered.add(f);
            }
        }
        return ordered;
    }

    /** Makes sshj's GCM cipher with the JDK's AES/GCM implementation. */
    private record JdkGcm(int keyBytes, String name) implements Factory.Named<Cipher> {
        private static final int IV_BYTES = 12;
        private static final int TAG_BYTES = 16;

        @Override
        public Cipher create() {
            return new GcmCipher(IV_BYTES, TAG_BYTES, keyBytes, "AES", "AES/GCM/NoPadding") {
                @Override
                protected void initCipher(javax.crypto.Cipher ignored, Mode mode, byte[] key, byte[] iv)
                        throws InvalidKeyException, InvalidAlgorithmParameterException {
                    try {
                        cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
                    } catch (GeneralSecurityException e) {
                        throw new InvalidAlgorithmParameterException("the JDK has no AES/GCM cipher", e);
                    }
                    super.initCipher(cipher, mode, key, iv);
                }
            };
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
