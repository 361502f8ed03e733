package io.sitemove.wordpress.spi;

import io.sitemove.Secret;
import java.util.Objects;

/**
 * A value written into a PHP configuration file, always as a literal PHP reads back exactly: a string as a
 * single-quoted literal (only {@code \} and {@code '} escaped), a boolean as {@code true}/{@code false}.
 * A secret value is revealed only into the file's text, never by {@link #toString()}.
 *
 * <pre>{@code
 * PhpValue password = PhpValue.secret(Secret.of("it's \\ $ecret"));
 * }</pre>
 */
public final class PhpValue {
    private final String text;
    private final Secret secret;
    private final Boolean bool;

    private PhpValue(String text, Secret secret, Boolean bool) {
        this.text = text;
        this.secret = secret;
        this.bool = bool;
    }

    /** A plain string value, which may appear in reports. */
    public static PhpValue of(String value) {
        return new PhpValue(checked(Objects.requireNonNull(value, "value cannot be null")), null, null);
    }

    /** A secret string value (a password): written into the file, shown as {@code ***} everywhere else. */
    public static PhpValue secret(Secret value) {
        Objects.requireNonNull(value, "value cannot be null");
        checked(value.reveal());
        return new PhpValue(null, value, null);
    }

    /** A boolean value. */
    public static PhpValue bool(boolean value) {
        return new PhpValue(null, null, value);
    }

    private static String checked(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a PHP configuration value cannot hold a NUL byte");
        }
        return value;
    }

    /** Whether the value is a secret, never to be shown. */
    public boolean isSecret() {
        return secret != null;
    }

    /**
     * The PHP literal for the file: {@code 'text'} with {@code \} and {@code '} escaped, or {@code true}/{@code false}.
     * For a secret this reveals it: only for the file's content.
     */
    public String literal() {
        if (bool != null) {
            return bool.toString();
        }
        String value = secret != null ? secret.reveal() : text;
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhpValue other && Objects.equals(text, other.text) && Objects.equals(secret, other.secret)
                && Objects.equals(bool, other.bool);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, secret, bool);
    }

    /** The literal, or {@code ***} for a secret. */
    @Override
    public String toString() {
        return secret != null ? "***" : literal();
    }
}
