package io.sitemove.testkit;

import java.nio.file.Path;

/** The php-fpm.conf of one side: one on-demand pool on a unix socket. */
final class PhpFpmConfig {

    private PhpFpmConfig() {
    }

    static String render(Path dir, Path socket) {
        return String.join("\n",
                "[global]",
                "pid = " + dir.resolve("php-fpm.pid"),
                "error_log = " + dir.resolve("php-fpm.log"),
                "daemonize = no",
                "[site]",
                RunningAs.root() ? "user = root\ngroup = root" : "",
                "listen = " + socket,
                "listen.mode = 0666",
                "pm = ondemand",
                "pm.max_children = 4",
                "pm.process_idle_timeout = 30s",
                "catch_workers_output = yes",
                "clear_env = no",
                "php_admin_value[error_log] = " + dir.resolve("php-errors.log"),
                "php_admin_flag[log_errors] = on",
                "");
    }
}
