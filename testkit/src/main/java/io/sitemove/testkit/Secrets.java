package io.sitemove.testkit;

import java.security.SecureRandom;
import java.util.Base64;

/** Random passwords, keys and tokens. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private Secrets() {
    }

    static String password(int length) {
        return token(ALPHANUMERIC, length);
    }

    static String lowercaseToken(int length) {
        return token("abcdefghijklmnopqrstuvwxyz0123456789", length);
    }

    static String base64Key(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String token(String alphabet, int length) {
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return token.toString();
    }
}
