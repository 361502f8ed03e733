package io.sitemove.remote.ssh.internal;

import io.sitemove.remote.ssh.HostKeyException;
import java.io.File;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Verifies host keys against an OpenSSH known_hosts file (hashed entries and {@code [host]:port}
 * included) and remembers why a key was refused, so the caller can say so. Never accepts an
 * unknown or changed key, and never writes to the file.
 */
public final class CheckingKnownHosts extends OpenSSHKnownHosts {
    private volatile HostKeyException.Refusal refusal;
    private volatile PublicKey offered;
    private volatile PublicKey verified;

    public CheckingKnownHosts(File file) throws IOException {
        super(file);
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        boolean ok = super.verify(hostname, port, key);
        if (ok) {
            verified = key;
        }
        return ok;
    }

    /** The host key that passed the check, or null before one did. */
    public PublicKey verified() {
        return verified;
    }

    @Override
    protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
        refusal = HostKeyException.Refusal.UNKNOWN_HOST;
        offered = key;
        return false;
    }

    @Override
    protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
        refusal = HostKeyException.Refusal.CHANGED_KEY;
        offered = key;
        return false;
    }

    /** Why the last key was refused, or null when none was. */
    public HostKeyException.Refusal refusal() {
        return refusal;
    }

    /** The key the server offered and this refused, or null when none was refused. */
    public PublicKey offered() {
        return offered;
    }

    /** The OpenSSH-style fingerprint of a key: {@code SHA256:} and the unpadded base64 digest of its blob. */
    public static String fingerprint(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The key as in an OpenSSH public key file: its type and the base64 of its blob. */
    public static String publicKeyLine(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        return keyType(key) + " " + Base64.getEncoder().encodeToString(blob);
    }

    public static String keyType(PublicKey key) {
        return KeyType.fromKey(key).toString();
    }
}
