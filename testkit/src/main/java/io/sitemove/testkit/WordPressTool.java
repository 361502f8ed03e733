package io.sitemove.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one WordPress API call through php-cli with the testkit's {@code wordpress-tool.php}: WordPress's
 * own functions ({@code wp_install}, {@code wp_insert_post}, ...) write the rows, as they do on a real
 * site. Arguments go to PHP as {@code argv}, never into PHP source.
 */
final class WordPressTool {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path script;
    private final Path docroot;
    private final String host;

    private WordPressTool(Path script, Path docroot, String host) {
        this.script = script;
        this.docroot = docroot;
        this.host = host;
    }

    static WordPressTool create(Path toolDir, Path docroot, String host) {
        Path script = toolDir.resolve("wordpress-tool.php");
        try (InputStream in = WordPressTool.class.getResourceAsStream("wordpress-tool.php")) {
            if (in == null) {
                throw new TestkitException("wordpress-tool.php is missing from the testkit's jar");
            }
            Dirs.create(toolDir);
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new TestkitException("cannot write " + script + ": " + e.getMessage(), e);
        }
        return new WordPressTool(script, docroot, host);
    }

    /** Runs the action and returns the last line it printed. */
    String run(String action, String... args) {
        List<String> command = new ArrayList<>(List.of(Binaries.require("php", "php-cli").toString(),
                script.toString(), docroot.toString(), host, action));
        command.addAll(List.of(args));
        Commands.Result result = Commands.execute(command, "", TIMEOUT);
        if (!result.ok()) {
            throw new TestkitException("WordPress " + action + " in " + docroot + " failed with exit code "
                    + result.exitCode() + ":\n" + result.output().strip());
        }
        String[] lines = result.output().strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
