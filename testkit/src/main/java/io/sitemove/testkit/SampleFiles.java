package io.sitemove.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Writes the WordPress-like file tree of the sample site, deterministically from a seed. */
final class SampleFiles {

    static final int FIXED_FILES = 5;
    static final String THEME = "twentysample";
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    private static final List<String> PLUGIN_DIRS = List.of("", "includes", "assets/js", "assets/css");
    private static final List<String> THEME_DIRS = List.of("", "template-parts", "inc", "assets/js", "assets/css");
    private static final List<String> CORE_DIRS = List.of("", "js", "css", "rest-api");

    private final Path docroot;
    private final Random random;
    private final SampleText text;
    private boolean accentedNameWritten;

    SampleFiles(Path docroot, long seed) {
        this.docroot = docroot;
        this.random = new Random(seed);
        this.text = new SampleText(random);
    }

    void write(int files) throws IOException {
        writeFixed();
        int plugins = Math.max(1, Math.min(20, files / 80));
        for (int i = 0; i < files - FIXED_FILES; i++) {
            int roll = random.nextInt(100);
            if (roll < 20) {
                writeUpload(i);
            } else if (roll < 50) {
                String plugin = "wp-content/plugins/sample-plugin-" + random.nextInt(plugins);
                writeText(plugin + "/" + pick(PLUGIN_DIRS), "plugin-file-" + i);
            } else if (roll < 70) {
                writeText("wp-content/themes/" + THEME + "/" + pick(THEME_DIRS), "theme-file-" + i);
            } else if (roll < 90) {
                writeText("wp-includes/" + pick(CORE_DIRS), "class-wp-sample-" + i);
            } else {
                writeText("wp-admin/" + pick(CORE_DIRS), "admin-sample-" + i);
            }
        }
    }

    private void writeFixed() throws IOException {
        writeFile("index.php", SamplePages.indexPhp().getBytes(StandardCharsets.UTF_8));
        writeFile("wp-config.php", SamplePages.wpConfig("", "", "", "").getBytes(StandardCharsets.UTF_8));
        writeFile(".htaccess", ("# BEGIN WordPress\nRewriteEngine On\nRewriteRule ^index\\.php$ - [L]\n"
                + "# END WordPress\n").getBytes(StandardCharsets.UTF_8));
        writeFile("wp-includes/version.php", "<?php\n$wp_version = '6.5-sample';\n".getBytes(StandardCharsets.UTF_8));
        writeFile("wp-content/themes/" + THEME + "/style.css",
                ("/*\nTheme Name: Twenty Sample\n*/\n" + text.ofSize(600)).getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(docroot.resolve("wp-content/uploads/2024/01"));
        Files.createDirectories(docroot.resolve("wp-content/cache/empty/nested"));
        Files.createSymbolicLink(docroot.resolve("wp-content/uploads/latest"), Path.of("2024/01"));
        Files.createSymbolicLink(docroot.resolve("wp-content/themes/current"), Path.of(THEME));
    }

    private void writeUpload(int index) throws IOException {
        String month = String.format(Locale.ROOT, "%02d", 1 + random.nextInt(12));
        String name = accentedNameWritten ? "image-" + index + ".jpg" : "café menu " + index + ".jpg";
        accentedNameWritten = true;
        writeFile("wp-content/uploads/2024/" + month + "/" + name, image(imageSize()));
    }

    void writeText(String dir, String baseName) throws IOException {
        String extension = pick(List.of("php", "php", "php", "js", "css"));
        int size = random.nextInt(5) == 0 ? text.between(4_000, 30_000) : text.between(200, 4_000);
        String body = text.ofSize(size);
        String content = switch (extension) {
            case "php" -> "<?php\n/**\n * " + text.words(6) + "\n */\nfunction " + baseName.replace('-', '_')
                    + "() {\n    return " + SamplePages.phpString(text.words(5)) + ";\n}\n/*\n" + body + "*/\n";
            case "js" -> "function " + baseName.replace("-", "") + "() {\n  return \"" + text.slug(3)
                    + "\";\n}\n/*\n" + body + "*/\n";
            default -> "." + baseName + " { color: #" + Integer.toHexString(0x100000 + random.nextInt(0xefffff))
                    + "; }\n/*\n" + body + "*/\n";
        };
        String path = dir.isEmpty() || dir.endsWith("/") ? dir + baseName : dir + "/" + baseName;
        writeFile(path + "." + extension, content.getBytes(StandardCharsets.UTF_8));
    }

    void writeFile(String relativePath, byte[] content) throws IOException {
        Path file = docroot.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        long seconds = random.nextInt(365 * 24 * 3600);
        Files.setLastModifiedTime(file, FileTime.from(EPOCH.plusSeconds(seconds)));
    }

    byte[] image(int size) {
        byte[] image = new byte[size];
        random.nextBytes(image);
        byte[] header = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};
        System.arraycopy(header, 0, image, 0, header.length);
        image[size - 2] = (byte) 0xFF;
        image[size - 1] = (byte) 0xD9;
        return image;
    }

    private int imageSize() {
        int roll = random.nextInt(100);
        if (roll < 80) {
            return text.between(2_000, 20_000);
        }
        return roll < 97 ? text.between(20_000, 80_000) : text.between(80_000, 200_000);
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
