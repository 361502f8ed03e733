package io.sitemove.wordpress.internal.php;

import java.util.List;

/**
 * The outcome of rewriting a configuration file's text.
 *
 * @param text the new text (holds secrets: never log it)
 * @param replaced names of the settings whose existing assignments were given the new value
 * @param inserted names of the settings the file lacked, added as new statements
 */
public record PhpRewrite(String text, List<String> replaced, List<String> inserted) {
    /** Copies the lists. */
    public PhpRewrite {
        replaced = List.copyOf(replaced);
        inserted = List.copyOf(inserted);
    }

    /** Hides the text, which holds secrets. */
    @Override
    public String toString() {
        return "PhpRewrite[replaced=" + replaced + ", inserted=" + inserted + "]";
    }
}
