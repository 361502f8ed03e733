package io.sitemove.wordpress.internal;

import io.sitemove.spi.Finding;
import java.util.List;
import java.util.Map;

/**
 * The options on the target: {@code siteurl} and {@code home} what the plan expects (or, when it expects
 * nothing, what the source has), and every required option present.
 */
public final class OptionFindings {
    private OptionFindings() {
    }

    /**
     * Adds the findings; returns how many block.
     *
     * @param expectedUrls {@code siteurl} and {@code home} as the plan expects them, or empty to compare with the source
     * @param required the options that must exist
     */
    public static int compare(DatabaseSnapshot source, DatabaseSnapshot target, Map<String, String> expectedUrls,
            List<String> required, List<Finding> findings) {
        if (!target.present().contains("options")) {
            return 0;
        }
        int blocking = 0;
        for (String name : List.of("siteurl", "home")) {
            boolean planned = expectedUrls.containsKey(name);
            String expected = planned ? expectedUrls.get(name) : source.options().get(name);
            String actual = target.options().get(name);
            if (expected != null && actual != null && !trim(expected).equals(trim(actual))) {
                blocking++;
                findings.add(Finding.blocking("option-url", "option " + name + " in " + target.tables().name("options"),
                        expected + (planned ? " (the plan)" : " (source)"), actual,
                        "set " + name + " on the target to " + expected + " (a search-replace of the old URL)"));
            }
        }
        for (String name : required) {
            if (!target.options().containsKey(name)) {
                boolean onSource = source.options().containsKey(name);
                String subject = "option " + name + " in " + target.tables().name("options");
                if (onSource) {
                    blocking++;
                    findings.add(Finding.blocking("option-missing", subject, "present (the source has it)", "missing",
                            "sync the database again"));
                } else {
                    findings.add(Finding.info("option-missing", subject, "missing, already missing on the source"));
                }
            }
        }
        return blocking;
    }

    private static String trim(String url) {
        String t = url.strip();
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }
}
