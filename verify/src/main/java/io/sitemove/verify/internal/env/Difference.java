package io.sitemove.verify.internal.env;

import io.sitemove.verify.EnvironmentParity.Aspect;

/**
 * One aspect compared between the two servers.
 *
 * @param aspect what was compared
 * @param check the check's name ("PHP version (CLI)")
 * @param differs whether the new server falls short of the old one in this aspect
 * @param detail the aspect, both values and both servers
 */
public record Difference(Aspect aspect, String check, boolean differs, String detail) {
    static Difference of(Aspect aspect, String check, String oldValue, String oldServer, String newValue,
            String newServer, boolean differs) {
        return new Difference(aspect, check, differs, check + (differs ? " differs: " : " matches: ") + oldValue
                + " on " + oldServer + ", " + newValue + " on " + newServer);
    }
}
