package io.sitemove.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a WordPress docroot: Debian's package copied as a standalone tree (its links into
 * {@code /usr/share/php} and {@code /etc/wordpress} resolved to plain files), and a small theme of the testkit's.
 */
final class WordPressFiles {

    /** Debian's installation of WordPress. */
    static final Path DEBIAN_WORDPRESS = Path.of("/usr/share/wordpress");
    /** The theme the testkit installs and activates: a title, the loop, WordPress's head and footer. */
    static final String THEME = "sitemove-testkit";

    /** The must-use plugin the testkit writes into {@code wp-content/mu-plugins}. */
    static final String MUST_USE_PLUGIN = "sitemove-testkit.php";

    private static final Set<String> LEFT_OUT = Set.of("wp-config.php", ".htaccess");

    private WordPressFiles() {
    }

    static void copyWordPress(Path docroot) {
        if (!Files.isRegularFile(DEBIAN_WORDPRESS.resolve("wp-settings.php"))) {
            throw new MissingBinaryException(DEBIAN_WORDPRESS.resolve("wp-settings.php").toString(), "wordpress");
        }
        Dirs.create(docroot);
        try (Stream<Path> paths = Files.walk(DEBIAN_WORDPRESS, FileVisitOption.FOLLOW_LINKS)) {
            paths.forEach(source -> copy(source, docroot.resolve(DEBIAN_WORDPRESS.relativize(source).toString())));
        } catch (IOException | UncheckedIOException e) {
            throw new TestkitException("cannot copy " + DEBIAN_WORDPRESS + " to " + docroot + ": " + e.getMessage(), e);
        }
        Dirs.create(docroot.resolve("wp-content/uploads"));
        writeTheme(docroot.resolve("wp-content/themes").resolve(THEME));
        writeMustUsePlugin(docroot.resolve("wp-content/mu-plugins"));
    }

    /**
     * WordPress accepts application passwords only over https or in a 'local' environment; the testkit serves
     * plain http on loopback, so a must-use plugin turns them on through {@code wp_is_application_passwords_available}.
     */
    private static void writeMustUsePlugin(Path dir) {
        Dirs.write(dir.resolve(MUST_USE_PLUGIN), String.join("\n",
                "<?php",
                "/*",
                "Plugin Name: sitemove testkit",
                "Description: Application passwords over the testkit's plain http on loopback.",
                "*/",
                "add_filter( 'wp_is_application_passwords_available', '__return_true' );",
                ""));
    }

    private static void copy(Path source, Path target) {
        if (source.getParent() != null && source.getParent().equals(DEBIAN_WORDPRESS)
                && LEFT_OUT.contains(source.getFileName().toString())) {
            return;
        }
        try {
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else if (Files.isRegularFile(source)) {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            } else if (!Files.exists(source) && Files.isSymbolicLink(source)) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTheme(Path dir) {
        Dirs.write(dir.resolve("style.css"), String.join("\n",
                "/*",
                "Theme Name: sitemove testkit",
                "Description: The smallest theme that shows a WordPress site's title and posts.",
                "Version: 1.0",
                "*/",
                ""));
        Dirs.write(dir.resolve("index.php"), String.join("\n",
                "<!DOCTYPE html>",
                "<html><head><meta charset=\"utf-8\"><title><?php echo esc_html(wp_get_document_title()); ?></title>",
                "<?php wp_head(); ?></head>",
                "<body><h1 id=\"site-title\"><?php bloginfo('name'); ?></h1>",
                "<?php while (have_posts()) : the_post(); ?>",
                "<article id=\"post-<?php the_ID(); ?>\"><h2><a href=\"<?php the_permalink(); ?>\"><?php the_title(); ?></a></h2>",
                "<?php the_content(); ?></article>",
                "<?php endwhile; ?>",
                "<?php if (is_singular()) { comments_template(); } ?>",
                "<?php wp_footer(); ?></body></html>",
                ""));
    }

    static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
