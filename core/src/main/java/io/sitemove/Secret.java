package io.sitemove;

import java.util.Objects;

/**
 * A password, key or token. Its {@link #toString()} never shows the value, so it is safe to pass
 * through records, log lines and exception messages; only {@link #reveal()} gives the value.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a secret value; an empty value is allowed (a database user without a password). */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "secret cannot be null"));
    }

    /** The value itself, for the one call that needs it. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "******";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
