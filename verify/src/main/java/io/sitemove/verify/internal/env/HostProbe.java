package io.sitemove.verify.internal.env;

import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers a server's {@link HostFacts} over SSH. Every command is a constant script whose only
 * input arrives as a quoted positional argument.
 */
public final class HostProbe {
    /** Finds php-fpm of the version in $1 (Debian: /usr/sbin/php-fpm8.2) and prints its -m and -i. */
    static final String FPM_SCRIPT = "for p in /usr/sbin/php-fpm\"$1\" \"$(command -v php-fpm\"$1\")\";"
            + " do if [ -n \"$p\" ] && [ -x \"$p\" ]; then echo \"$p\"; \"$p\" -m; echo " + FpmFacts.SEPARATOR + ";"
            + " \"$p\" -i; exit 0; fi; done; exit 3";
    /** Prints the first web server found's version line. */
    static final String WEB_SCRIPT = "for b in nginx apache2 httpd; do for p in \"$(command -v $b)\" /usr/sbin/$b;"
            + " do if [ -n \"$p\" ] && [ -x \"$p\" ]; then \"$p\" -v 2>&1 | grep -m 1 -i version; exit 0; fi;"
            + " done; done; exit 3";
    private static final Pattern WEB_VERSION = Pattern.compile("(nginx|Apache|httpd)/([0-9][0-9.]*)");

    private final String phpCommand;

    /** A probe that runs PHP as {@code phpCommand} ("php", "/usr/bin/php8.1"). */
    public HostProbe(String phpCommand) {
        this.phpCommand = phpCommand;
    }

    /** Gathers what {@code ssh}'s server runs. */
    public HostFacts gather(SshConnection ssh) {
        ExecResult cli = ssh.exec(List.of(phpCommand, "-r", PhpFacts.CODE));
        PhpFacts php = cli.succeeded() ? PhpFacts.parse(cli.stdout()) : null;
        FpmFacts.Fpm fpm = null;
        String fpmNote;
        if (php == null) {
            fpmNote = "not checked: no PHP (" + phpCommand + ")";
        } else {
            ExecResult found = ssh.exec(List.of("sh", "-c", FPM_SCRIPT, "sh", php.minorVersion()));
            fpm = found.succeeded() ? FpmFacts.parse(found.stdoutText()) : null;
            fpmNote = fpm != null ? "" : "not checked: no php-fpm" + php.minorVersion() + " in /usr/sbin or on the PATH";
        }
        return new HostFacts(ssh.server().name(), php, fpm, fpmNote, webServer(ssh));
    }

    private static String webServer(SshConnection ssh) {
        ExecResult web = ssh.exec(List.of("sh", "-c", WEB_SCRIPT));
        if (!web.succeeded()) {
            return null;
        }
        Matcher m = WEB_VERSION.matcher(web.stdoutText());
        return m.find() ? m.group(1) + "/" + m.group(2) : web.stdoutText().strip();
    }
}
