package io.sitemove.remote.db.internal;

import com.mysql.cj.conf.PropertyKey;
import com.mysql.cj.conf.PropertySet;
import com.mysql.cj.protocol.StandardSocketFactory;
import java.io.Closeable;
import java.io.IOException;

/**
 * Connector/J's socket factory, except that the server's greeting and the login are bounded by the
 * connection's {@code connectTimeout} rather than by its {@code socketTimeout}: Connector/J bounds
 * each read of the handshake by the socket timeout (or a global login timeout), so a server that
 * accepts and never greets would hold a connect for the whole read-idle bound. After the handshake
 * the socket timeout applies again. Named by {@link io.sitemove.remote.db.DbEndpoint#jdbcUrl()}.
 */
public final class HandshakeBoundSocketFactory extends StandardSocketFactory {
    private int connectTimeoutMillis;

    /** Called by Connector/J, once per connection. */
    public HandshakeBoundSocketFactory() {
        super();
    }

    @Override
    public <T extends Closeable> T connect(String host, int port, PropertySet props, int loginTimeout)
            throws IOException {
        Integer timeout = props.getIntegerProperty(PropertyKey.connectTimeout).getValue();
        connectTimeoutMillis = timeout == null ? 0 : timeout;
        return super.connect(host, port, props, loginTimeout);
    }

    @Override
    public void beforeHandshake() throws IOException {
        super.beforeHandshake();
        int current = rawSocket.getSoTimeout();
        if (connectTimeoutMillis > 0 && (current == 0 || current > connectTimeoutMillis)) {
            rawSocket.setSoTimeout(connectTimeoutMillis);
        }
    }
}
