package io.sitemove.sync.files.internal;

import io.sitemove.MigrationException;
import io.sitemove.remote.AccessRefusedException;
import io.sitemove.Server;
import io.sitemove.spi.CheckResult;
import io.sitemove.remote.ssh.ExecResult;
import io.sitemove.remote.ssh.SshConnection;
import java.util.ArrayList;
import java.util.List;

/** The file syncer's preflight: reach both servers, find the roots, compare disk space. Changes nothing. */
public final class FilesPreflight {
    private static final String NEAREST_EXISTING =
            "p=$1; while [ ! -e \"$p\" ]; do p=$(dirname -- \"$p\"); done; printf %s \"$p\"";

    private final String component;
    private final FileSyncSettings settings;

    public FilesPreflight(FileSyncSettings settings) {
        this.component = settings.name();
        this.settings = settings;
    }

    public List<CheckResult> run(Server source, Server target) {
        String sourceRoot = settings.sourceRoot();
        String targetRoot = settings.targetRoot();
        List<CheckResult> checks = new ArrayList<>();
        SshConnection from = connect(source, checks);
        SshConnection to = connect(target, checks);
        try {
            Long needKb = from == null ? null : checkSource(from, sourceRoot, checks);
            Long freeKb = to == null ? null : checkTarget(to, targetRoot, checks);
            if (needKb != null && freeKb != null) {
                String detail = "need " + needKb + " KiB (du of " + sourceRoot + " on " + source.name() + "), "
                        + freeKb + " KiB free for " + targetRoot + " on " + target.name();
                checks.add(freeKb >= needKb
                        ? CheckResult.pass(component, "free disk on " + target.name(), detail)
                        : CheckResult.fail(component, "free disk on " + target.name(), detail
                        + "; free space on the target first"));
            }
            if (needKb != null && freeKb != null) {
                checks.add(new TargetOnlyEntries(component, settings).check(from, to));
            }
        } finally {
            if (from != null) {
                from.close();
            }
            if (to != null) {
                to.close();
            }
        }
        return checks;
    }

    private SshConnection connect(Server server, List<CheckResult> checks) {
        String check = "SSH access and host key of " + server.name();
        try {
            SshConnection ssh = SshConnection.open(server);
            checks.add(CheckResult.pass(component, check, "logged in as " + server.user() + "@" + server.host() + ":"
                    + server.port() + ", host key verified"));
            return ssh;
        } catch (AccessRefusedException e) {
            throw e;
        } catch (MigrationException e) {
            checks.add(CheckResult.failed(component, check, e));
            return null;
        }
    }

    private Long checkSource(SshConnection ssh, String root, List<CheckResult> checks) {
        String check = "source directory " + root + " on " + ssh.server().name();
        if (ssh.exec(List.of("test", "-d", root)).exitCode() != 0) {
            checks.add(CheckResult.fail(component, check, root + " does not exist or is not a directory on "
                    + ssh.server() + "; fix the plan's source root"));
            return null;
        }
        checks.add(CheckResult.pass(component, check, "is a directory"));
        ExecResult du = ssh.exec(List.of("du", "-sk", "--", root));
        return firstNumber(du.stdoutText(), 0);
    }

    private Long checkTarget(SshConnection ssh, String root, List<CheckResult> checks) {
        String check = "target directory " + root + " on " + ssh.server().name();
        String existing = ssh.exec(List.of("sh", "-c", NEAREST_EXISTING, "sh", root))
                .requireSuccess("find the nearest existing directory of " + root).stdoutText();
        boolean writable = ssh.exec(List.of("sh", "-c", "test -d \"$1\" && test -w \"$1\"", "sh", existing))
                .exitCode() == 0;
        if (!writable) {
            checks.add(CheckResult.fail(component, check, existing + " is not a writable directory for "
                    + ssh.server().user() + " on " + ssh.server() + "; create " + root + " and give the user write access"));
            return null;
        }
        checks.add(CheckResult.pass(component, check, existing.equals(root) ? "exists and is writable"
                : "missing; will be created under writable " + existing));
        ExecResult df = ssh.exec(List.of("df", "-Pk", "--", existing));
        String[] lines = df.stdoutText().strip().split("\n");
        if (df.exitCode() != 0 || lines.length < 2) {
            checks.add(CheckResult.fail(component, "free disk on " + ssh.server().name(), "df failed on "
                    + ssh.server() + ": " + df.stderr().strip()));
            return null;
        }
        return firstNumber(lines[lines.length - 1], 3);
    }

    private static Long firstNumber(String line, int column) {
        String[] columns = line.strip().split("\\s+");
        try {
            return columns.length > column ? Long.parseLong(columns[column]) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
