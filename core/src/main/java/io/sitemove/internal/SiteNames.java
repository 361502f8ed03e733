package io.sitemove.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/** The rule for a site's name, which names its journal: checked by the plan and by every journal. */
public final class SiteNames {
    private static final Pattern SITE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private SiteNames() {
    }

    /** The name, when it is 1-100 letters, digits, '.', '-' or '_' starting with a letter or digit; else IAE. */
    public static String check(String site) {
        Objects.requireNonNull(site, "site cannot be null");
        if (!SITE_NAME.matcher(site).matches()) {
            throw new IllegalArgumentException("site name '" + site
                    + "' must be 1-100 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        return site;
    }
}
