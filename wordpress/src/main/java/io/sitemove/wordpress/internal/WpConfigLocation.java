package io.sitemove.wordpress.internal;

import io.sitemove.remote.ssh.SshConnection;
import java.util.Optional;

/**
 * Where a configuration file is, as WordPress looks for {@code wp-config.php}: in the docroot, or (when
 * allowed) one level above when that directory is not itself a WordPress (holds no {@code wp-settings.php}).
 *
 * @param path the file's absolute path
 * @param content its content and mode
 * @param aboveDocroot whether it is in the directory above the docroot
 */
public record WpConfigLocation(String path, ConfigFiles.Content content, boolean aboveDocroot) {

    /**
     * @param docroot the document root (absolute)
     * @param file the file's name relative to it
     * @param allowAbove whether to look one level up, as WordPress does
     */
    public static Optional<WpConfigLocation> find(SshConnection ssh, String docroot, String file, boolean allowAbove) {
        String here = docroot + "/" + file;
        Optional<ConfigFiles.Content> found = ConfigFiles.read(ssh, here);
        if (found.isPresent()) {
            return Optional.of(new WpConfigLocation(here, found.get(), false));
        }
        String above = parent(docroot);
        if (!allowAbove || above.equals(docroot) || ConfigFiles.exists(ssh, above + "/wp-settings.php")) {
            return Optional.empty();
        }
        String path = (above.equals("/") ? "" : above) + "/" + file;
        return ConfigFiles.read(ssh, path).map(content -> new WpConfigLocation(path, content, true));
    }

    /** The directory above a path ({@code /} for a top-level one). */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    @Override
    public String toString() {
        return "WpConfigLocation[" + path + "]";
    }
}
