package io.sitemove.sync.mysql.internal.binlog;

import io.sitemove.remote.Bounds;
import com.github.shyiko.mysql.binlog.BinaryLogClient;
import io.sitemove.remote.db.Sql;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.network.SSLMode;
import io.sitemove.remote.db.DbEndpoint;
import io.sitemove.sync.mysql.BinlogPosition;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a server's binary log over the replication protocol from one position up to another, and
 * hands each event with the position after it to a handler, in order, on the reading thread. The
 * connection asks for a non-blocking dump with its own server id, logs in with the endpoint's
 * credentials, and never loads local files. Its waits are the endpoint's: opening the connection and
 * logging in within {@link DbEndpoint#connectTimeout()}, and no silence longer than
 * {@link DbEndpoint#readIdleTimeout()} while no event is being handled (the socket's read timeout, and
 * a watchdog for a server that trickles bytes without completing an event).
 */
public final class BinlogReader {
    /** Told each event in order, with the binlog position just after it. */
    @FunctionalInterface
    public interface Handler {
        void event(Event event, BinlogPosition after) throws Exception;
    }

    /**
     * Why the read stopped short; {@code cause} is the handler's failure or the replication error.
     * {@link #connected()} says whether the stream had been opened and logged in to.
     */
    public static final class ReadFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean connected;
        private final boolean idle;

        ReadFailure(String message, Throwable cause, boolean connected, boolean idle) {
            super(message, cause);
            this.connected = connected;
            this.idle = idle;
        }

        /** Whether the stream had been opened and logged in to before it failed. */
        public boolean connected() {
            return connected;
        }

        /** Whether the server sent nothing for the read-idle bound. */
        public boolean idle() {
            return idle;
        }
    }

    private final DbEndpoint endpoint;
    private final long serverId;
    private final Duration idleLimit;

    private volatile Throwable failure;
    private volatile boolean reached;
    private volatile long lastActivity;
    private volatile boolean applying;
    private volatile boolean connected;
    private String file;
    private long position;

    public BinlogReader(DbEndpoint endpoint, long serverId) {
        this.endpoint = endpoint;
        this.serverId = serverId;
        this.idleLimit = endpoint.readIdleTimeout();
    }

    /** Reads events after {@code from} until the position reaches {@code end}; returns where it stopped. */
    public BinlogPosition read(BinlogPosition from, BinlogPosition end, Handler handler) throws ReadFailure {
        BinaryLogClient client = client(from);
        CountDownLatch finished = new CountDownLatch(1);
        file = from.file();
        position = from.position();
        lastActivity = System.nanoTime();
        client.registerEventListener(event -> onEvent(event, end, handler, finished));
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onConnect(BinaryLogClient c) {
                connected = true;
                lastActivity = System.nanoTime();
            }

            @Override
            public void onCommunicationFailure(BinaryLogClient c, Exception e) {
                fail(e, finished);
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient c, Exception e) {
                fail(e, finished);
            }

            @Override
            public void onDisconnect(BinaryLogClient c) {
                finished.countDown();
            }
        });
        Thread reader = new Thread(() -> {
            try {
                client.connect();
            } catch (Exception e) {
                fail(e, finished);
            } finally {
                finished.countDown();
            }
        }, "sitemove-binlog-" + endpoint.where());
        reader.setDaemon(true);
        reader.start();
        await(finished, client, reader);
        if (failure != null) {
            boolean idle = connected
                    && (failure instanceof TimeoutException || failure instanceof SocketTimeoutException);
            throw new ReadFailure("binlog read from " + endpoint.where() + " stopped at " + file + ":" + position
                    + ": " + failure.getMessage(), failure, connected, idle);
        }
        if (!reached) {
            throw new ReadFailure("the binlog of " + endpoint.where() + " ended at " + file + ":" + position
                    + " before " + end, null, connected, false);
        }
        return new BinlogPosition(file, position);
    }

    /** A replication client for a non-blocking dump from the position, with this reader's server id. */
    private BinaryLogClient client(BinlogPosition from) {
        String host = endpoint.host().startsWith("[") ? endpoint.host().substring(1, endpoint.host().length() - 1)
                : endpoint.host();
        BinaryLogClient client = new BinaryLogClient(host, endpoint.port(), endpoint.user(), endpoint.password().reveal());
        client.setServerId(serverId);
        client.setBinlogFilename(from.file());
        client.setBinlogPosition(from.position());
        client.setBlocking(false);
        client.setKeepAlive(false);
        client.setConnectTimeout(endpoint.connectTimeout().toMillis());
        int readIdle = (int) Math.min(Integer.MAX_VALUE, idleLimit.toMillis());
        client.setSocketFactory(() -> {
            Socket socket = new Socket();
            socket.setSoTimeout(readIdle);
            return socket;
        });
        client.setSSLMode(SSLMode.PREFERRED);
        client.setEventDeserializer(ExactEventDeserializer.create());
        return client;
    }

    /**
     * Waits until the read ends, failing it when no event came for the idle limit while none was being
     * applied; then disconnects and waits for the reading thread.
     */
    private void await(CountDownLatch finished, BinaryLogClient client, Thread reader) {
        try {
            while (!finished.await(200, TimeUnit.MILLISECONDS)) {
                long silent = System.nanoTime() - lastActivity;
                if (!connected && silent > endpoint.connectTimeout().toNanos() + TimeUnit.SECONDS.toNanos(1)) {
                    fail(new TimeoutException("the binlog stream was not opened within "
                            + Bounds.describe(endpoint.connectTimeout()) + " (the endpoint's connect timeout)"), finished);
                } else if (connected && !applying && silent > idleLimit.toNanos()) {
                    fail(new TimeoutException("no binlog event for " + Bounds.describe(idleLimit)
                            + " (the endpoint's read-idle timeout)"), finished);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e, finished);
        } finally {
            try {
                client.disconnect();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                }
            }
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void onEvent(Event event, BinlogPosition end, Handler handler, CountDownLatch finished) {
        if (reached || failure != null) {
            return;
        }
        lastActivity = System.nanoTime();
        if (event.getHeader().getEventType() == EventType.ROTATE && event.getData() instanceof RotateEventData rotate) {
            file = rotate.getBinlogFilename();
            position = rotate.getBinlogPosition();
        } else if (event.getHeader() instanceof EventHeaderV4 header && header.getNextPosition() > 0) {
            position = header.getNextPosition();
        }
        BinlogPosition after = new BinlogPosition(file, Math.max(4, position));
        applying = true;
        try {
            handler.event(event, after);
        } catch (Exception e) {
            fail(e, finished);
            return;
        } finally {
            lastActivity = System.nanoTime();
            applying = false;
        }
        if (after.compareTo(end) >= 0) {
            reached = true;
            finished.countDown();
        }
    }

    private void fail(Throwable e, CountDownLatch finished) {
        if (failure == null && !reached) {
            failure = e;
        }
        finished.countDown();
    }
}
