package io.sitemove.testkit;

import java.nio.file.Path;

/** The nginx.conf of one side: serves the docroot, PHP through php-fpm, every path under its own directory. */
final class NginxConfig {

    private NginxConfig() {
    }

    static String render(Path dir, String host, int port, int httpsPort, TlsFiles tls, Path docroot, Path phpSocket) {
        Path temp = dir.resolve("tmp");
        return String.join("\n",
                RunningAs.root() ? "user root;" : "",
                "daemon off;",
                "worker_processes 1;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("nginx-error.log") + " info;",
                "events { worker_connections 256; }",
                "http {",
                "  include /etc/nginx/mime.types;",
                "  default_type application/octet-stream;",
                "  access_log " + dir.resolve("nginx-access.log") + ";",
                "  client_body_temp_path " + temp.resolve("client") + ";",
                "  proxy_temp_path " + temp.resolve("proxy") + ";",
                "  fastcgi_temp_path " + temp.resolve("fastcgi") + ";",
                "  uwsgi_temp_path " + temp.resolve("uwsgi") + ";",
                "  scgi_temp_path " + temp.resolve("scgi") + ";",
                "  server {",
                "    listen " + host + ":" + port + ";",
                "    listen " + host + ":" + httpsPort + " ssl;",
                "    ssl_certificate " + tls.certificate() + ";",
                "    ssl_certificate_key " + tls.key() + ";",
                "    server_name _;",
                "    root " + docroot + ";",
                "    index index.php index.html;",
                "    location / { try_files $uri $uri/ /index.php?$args; }",
                "    location ~ \\.php$ {",
                "      try_files $uri =404;",
                "      include /etc/nginx/fastcgi_params;",
                "      fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;",
                "      fastcgi_pass unix:" + phpSocket + ";",
                "    }",
                "  }",
                "}",
                "");
    }
}
