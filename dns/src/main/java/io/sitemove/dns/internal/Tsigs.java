package io.sitemove.dns.internal;

import io.sitemove.Secret;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;

/** TSIG keys: checking what a user configured, and naming the errors a server reports. */
public final class Tsigs {
    private static final Map<String, Name> ALGORITHMS = Map.of(
            "hmac-md5", TSIG.HMAC_MD5,
            "hmac-md5.sig-alg.reg.int", TSIG.HMAC_MD5,
            "hmac-sha1", TSIG.HMAC_SHA1,
            "hmac-sha224", TSIG.HMAC_SHA224,
            "hmac-sha256", TSIG.HMAC_SHA256,
            "hmac-sha384", TSIG.HMAC_SHA384,
            "hmac-sha512", TSIG.HMAC_SHA512);

    private Tsigs() {
    }

    /** The algorithm's canonical name; IAE for one that is not supported. */
    public static Name algorithm(String algorithm) {
        String key = algorithm.toLowerCase(Locale.ROOT);
        key = key.endsWith(".") ? key.substring(0, key.length() - 1) : key;
        Name name = ALGORITHMS.get(key);
        if (name == null) {
            throw new IllegalArgumentException("TSIG algorithm '" + algorithm + "' is not supported; use one of"
                    + " hmac-sha256, hmac-sha512, hmac-sha384, hmac-sha224, hmac-sha1, hmac-md5");
        }
        return name;
    }

    /** The key's bytes; IAE, without the secret, when it is not base64. */
    public static byte[] decode(String keyName, Secret secret) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret.reveal().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the TSIG secret of key " + keyName + " is not valid base64"
                    + " (copy the 'secret' of the key from the server's configuration)");
        }
        if (bytes.length == 0) {
            throw new IllegalArgumentException("the TSIG secret of key " + keyName + " is empty");
        }
        return bytes;
    }

    /** A dnsjava TSIG for signing. */
    public static TSIG create(Name algorithm, Name keyName, byte[] key) {
        return new TSIG(algorithm, keyName, key);
    }

    /** A TSIG error's name ("BADSIG"). */
    public static String errorName(int error) {
        return Rcode.TSIGstring(error);
    }
}
