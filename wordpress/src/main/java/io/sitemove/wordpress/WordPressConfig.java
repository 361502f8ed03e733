package io.sitemove.wordpress;

import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.wordpress.spi.PhpConfig;
import io.sitemove.wordpress.spi.PhpForm;
import io.sitemove.wordpress.spi.PhpSetting;
import io.sitemove.wordpress.spi.PhpValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * WordPress's {@code wp-config.php} as a {@link PhpConfig}: the database constants of the target and any
 * other constants the plan sets. A constant the file lacks goes before "That's all, stop editing!" (or the
 * {@code require_once} of {@code wp-settings.php}).
 *
 * <pre>{@code
 * WordPressConfig config = WordPressConfig.forDatabase(targetDb)
 *         .with(PhpSetting.of(PhpForm.CONSTANT, "WP_HOME", PhpValue.of("https://new.example")));
 * }</pre>
 */
public final class WordPressConfig implements PhpConfig {
    /** The file's name. */
    public static final String FILE = "wp-config.php";
    private static final List<String> ANCHORS = List.of("/* That's all, stop editing!", "require_once ABSPATH",
            "wp-settings.php");

    private final List<PhpSetting> settings;

    private WordPressConfig(List<PhpSetting> settings) {
        this.settings = List.copyOf(settings);
    }

    /**
     * DB_NAME, DB_USER, DB_PASSWORD (as a secret) and DB_HOST ({@code host:port}) of a database.
     *
     * @param database the target's database
     */
    public static WordPressConfig forDatabase(DbEndpoint database) {
        Objects.requireNonNull(database, "database cannot be null");
        return new WordPressConfig(List.of(constant("DB_NAME", PhpValue.of(database.database())),
                constant("DB_USER", PhpValue.of(database.user())),
                constant("DB_PASSWORD", PhpValue.secret(database.password())),
                constant("DB_HOST", PhpValue.of(database.host() + ":" + database.port()))));
    }

    /** No settings yet. */
    public static WordPressConfig empty() {
        return new WordPressConfig(List.of());
    }

    /**
     * This configuration with one more setting; a setting of the same form and name is replaced.
     *
     * @param setting the setting
     */
    public WordPressConfig with(PhpSetting setting) {
        Objects.requireNonNull(setting, "setting cannot be null");
        List<PhpSetting> next = new ArrayList<>(settings);
        next.removeIf(s -> s.form() == setting.form() && s.name().equals(setting.name()));
        next.add(setting);
        return new WordPressConfig(next);
    }

    private static PhpSetting constant(String name, PhpValue value) {
        return PhpSetting.of(PhpForm.CONSTANT, name, value);
    }

    @Override
    public String file() {
        return FILE;
    }

    @Override
    public List<PhpSetting> settings() {
        return settings;
    }

    @Override
    public List<String> insertBefore() {
        return ANCHORS;
    }

    @Override
    public String toString() {
        return "WordPressConfig" + settings;
    }
}
