package io.sitemove.wordpress.spi;

import java.util.List;

/**
 * A PHP application's configuration file, as a syncer rewrites it for the target: where the file is and
 * the settings to write into it. Every other byte of the file is kept. WordPress's {@code wp-config.php}
 * is one implementation ({@code WordPressConfig}); another PHP application plugs in with its own.
 *
 * <pre>{@code
 * PhpConfig config = new PhpConfig() {
 *     public String file() { return "config.php"; }
 *     public List<PhpSetting> settings() {
 *         return List.of(PhpSetting.of(PhpForm.VARIABLE, "dbname", PhpValue.of("shop")));
 *     }
 * };
 * }</pre>
 */
public interface PhpConfig {
    /** The file's path relative to the document root, such as {@code wp-config.php}. */
    String file();

    /** The settings to write: each replaces the value of every assignment of it in the file. */
    List<PhpSetting> settings();

    /**
     * Lines before which a setting the file lacks is inserted, tried in order (the first line containing
     * one of these texts wins); when none is found, after the line of the opening {@code <?php}.
     */
    default List<String> insertBefore() {
        return List.of();
    }
}
