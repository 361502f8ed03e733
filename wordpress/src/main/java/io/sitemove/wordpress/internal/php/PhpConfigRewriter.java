package io.sitemove.wordpress.internal.php;

import io.sitemove.wordpress.spi.PhpSetting;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes settings into a PHP configuration file's text, keeping every other byte: only the value
 * expression of each matching {@code define} or assignment is replaced; a setting the file lacks is
 * added as one new line (with the file's own line ending) before the first anchor line found. The same
 * settings applied twice give the same text.
 */
public final class PhpConfigRewriter {
    private PhpConfigRewriter() {
    }

    /**
     * @param php the file's text
     * @param settings what to write
     * @param insertBefore texts of lines before which missing settings go, tried in order
     */
    public static PhpRewrite rewrite(String php, List<PhpSetting> settings, List<String> insertBefore) {
        return rewrite(php, settings, insertBefore, text -> text);
    }

    /**
     * Rewrites a file's bytes, whatever their encoding: the text is handled byte for byte (ISO-8859-1) and
     * new values are written in UTF-8, so bytes outside the edited values are kept exactly.
     */
    public static PhpRewrite rewrite(byte[] php, List<PhpSetting> settings, List<String> insertBefore) {
        return rewrite(new String(php, StandardCharsets.ISO_8859_1), settings, insertBefore,
                text -> new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    private static PhpRewrite rewrite(String php, List<PhpSetting> settings, List<String> insertBefore,
            UnaryOperator<String> encode) {
        List<PhpAssignment> assignments = PhpScanner.assignments(php);
        List<Edit> edits = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (PhpSetting setting : settings) {
            boolean any = false;
            for (PhpAssignment a : assignments) {
                if (a.form() == setting.form() && a.name().equals(setting.name())) {
                    edits.add(new Edit(a.valueStart(), a.valueEnd(), encode.apply(setting.value().literal())));
                    any = true;
                }
            }
            (any ? replaced : missing).add(setting.name());
        }
        String eol = php.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder insertion = new StringBuilder();
        for (PhpSetting setting : settings) {
            if (missing.contains(setting.name())) {
                insertion.append(encode.apply(setting.statement())).append(eol);
            }
        }
        if (insertion.length() > 0) {
            int at = insertionPoint(php, insertBefore);
            edits.add(new Edit(at, -1, (at > 0 && php.charAt(at - 1) != '\n' ? eol : "") + insertion));
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder text = new StringBuilder(php);
        for (Edit edit : edits) {
            text.replace(edit.start(), edit.end() < 0 ? edit.start() : edit.end(), edit.text());
        }
        return new PhpRewrite(text.toString(), replaced, missing);
    }

    private static int insertionPoint(String php, List<String> anchors) {
        for (String anchor : anchors) {
            int at = php.indexOf(anchor);
            if (at >= 0) {
                return php.lastIndexOf('\n', at) + 1;
            }
        }
        int open = php.indexOf("<?php");
        if (open < 0) {
            throw new IllegalArgumentException("the file has no <?php tag to add settings after");
        }
        int lineEnd = php.indexOf('\n', open);
        return lineEnd < 0 ? php.length() : lineEnd + 1;
    }

    private record Edit(int start, int end, String text) {
    }
}
