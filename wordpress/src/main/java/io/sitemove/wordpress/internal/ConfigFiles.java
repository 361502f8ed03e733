package io.sitemove.wordpress.internal;

import io.sitemove.MigrationException;
import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes a configuration file over SSH. A write keeps the file's owner and mode (atomically by
 * rename when the owner can be kept, else in place), keeps the first original as a backup, and never puts
 * the content on a command line: it goes through stdin into a file only the writer can read.
 */
public final class ConfigFiles {
    /** Suffix of the backup of the original file, next to it. */
    public static final String BACKUP_SUFFIX = ".sitemove-orig";
    private static final int MAX_BYTES = 1 << 20;
    private static final int TOO_LARGE = 4;
    private static final String READ = "[ -f \"$1\" ] || exit 3; [ \"$(stat -c %s -- \"$1\")\" -le " + MAX_BYTES
            + " ] || exit " + TOO_LARGE + "; stat -c %a -- \"$1\" && cat -- \"$1\"";
    private static final String WRITE = String.join("\n",
            "f=$1; b=$2; m=$3; tmp=\"$f.sitemove.$$\"; umask 077",
            "cat > \"$tmp\" || { rm -f -- \"$tmp\"; exit 1; }",
            "if [ -f \"$f\" ]; then",
            "  [ -z \"$b\" ] || [ -e \"$b\" ] || cp -p -- \"$f\" \"$b\" || { rm -f -- \"$tmp\"; exit 1; }",
            "  chmod --reference=\"$f\" -- \"$tmp\" && chown --reference=\"$f\" -- \"$tmp\" 2>/dev/null",
            "  if [ \"$(stat -c %u:%g:%a -- \"$tmp\")\" = \"$(stat -c %u:%g:%a -- \"$f\")\" ]; then",
            "    mv -f -- \"$tmp\" \"$f\"; exit $?",
            "  fi",
            "  cat -- \"$tmp\" > \"$f\"; s=$?; rm -f -- \"$tmp\"; exit $s",
            "fi",
            "chmod \"$m\" -- \"$tmp\" && mv -f -- \"$tmp\" \"$f\" || { rm -f -- \"$tmp\"; exit 1; }");

    private ConfigFiles() {
    }

    /**
     * A file's content and mode.
     *
     * @param mode the octal mode, as {@code stat %a} prints it
     * @param content the bytes (holds secrets: never log them)
     */
    public record Content(String mode, byte[] content) {
        @Override
        public String toString() {
            return "Content[mode=" + mode + ", " + content.length + " bytes]";
        }
    }

    /** The file's content and mode, or empty when there is no such regular file. */
    public static Optional<Content> read(SshConnection ssh, String path) {
        ExecResult result = ssh.exec(List.of("sh", "-c", READ, "sh", path));
        if (result.exitCode() == 3) {
            return Optional.empty();
        }
        if (result.exitCode() == TOO_LARGE) {
            throw MigrationException.permanent("refusing " + path + " on " + ssh.server().name()
                    + ": it is larger than " + MAX_BYTES + " bytes, more than a configuration file holds; check it");
        }
        result.requireSuccess("read " + path);
        byte[] out = result.stdout();
        int newline = 0;
        while (newline < out.length && out[newline] != '\n') {
            newline++;
        }
        String mode = new String(out, 0, newline, StandardCharsets.US_ASCII).trim();
        if (!mode.matches("[0-7]{3,4}")) {
            throw MigrationException.permanent("unexpected mode '" + mode + "' of " + path + " on "
                    + ssh.server().name());
        }
        byte[] content = Arrays.copyOfRange(out, Math.min(newline + 1, out.length), out.length);
        return Optional.of(new Content(mode, content));
    }

    /**
     * Writes the file; an existing file keeps its owner and mode and, when {@code backup} is true, is first
     * copied to {@code path + BACKUP_SUFFIX} unless that backup exists; a new file gets {@code mode}.
     */
    public static void write(SshConnection ssh, String path, byte[] content, String mode, boolean backup) {
        ssh.exec(List.of("sh", "-c", WRITE, "sh", path, backup ? path + BACKUP_SUFFIX : "", mode), content)
                .requireSuccess("write " + path + " (keeping its owner, mode and a backup of the original)");
    }

    /** Whether a regular file is at that path. */
    public static boolean exists(SshConnection ssh, String path) {
        ExecResult test = ssh.exec(List.of("test", "-f", path));
        if (test.exitCode() > 1) {
            test.requireSuccess("check whether " + path + " exists");
        }
        return test.exitCode() == 0;
    }
}
