package io.sitemove.remote;

import java.util.Objects;

/**
 * Checks the name a plugin (a syncer, a verifier) is known by in a plan, as its builder is given it, so
 * that every plugin refuses the same names with the same words.
 *
 * <pre>{@code
 * public Builder name(String name) {
 *     this.name = PluginNames.check(name);
 *     return this;
 * }
 * }</pre>
 */
public final class PluginNames {
    private PluginNames() {
    }

    /**
     * Returns the name when it is usable.
     *
     * @throws NullPointerException when it is null ("name cannot be null")
     * @throws IllegalArgumentException when it is blank
     */
    public static String check(String name) {
        Objects.requireNonNull(name, "name cannot be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name cannot be blank");
        }
        return name;
    }
}
