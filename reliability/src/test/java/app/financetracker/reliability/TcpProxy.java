package app.financetracker.reliability;

import app.financetracker.launcher.Net;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain TCP forwarder on a free local port, so that a test can take a dependency away from the services
 * without touching the dependency itself: {@link #cut()} closes the listener and every live connection (clients
 * see a dead server: resets, then refused connections), {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private final String name;
    private final String targetHost;
    private final int targetPort;
    private final int port = Net.freePort();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;

    public TcpProxy(String name, String targetHost, int targetPort) {
        this.name = name;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        restore();
    }

    public int port() {
        return port;
    }

    public String name() {
        return name;
    }

    public synchronized boolean isCut() {
        return listener == null;
    }

    /** Listens again (no-op when it already does). */
    public synchronized void restore() {
        if (listener != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", port));
            listener = server;
            daemon("proxy-" + name + "-accept", () -> accept(server));
        } catch (IOException e) {
            throw new UncheckedIOException("Proxy " + name + " cannot listen on " + port, e);
        }
    }

    /** Stops listening and drops every connection, as a crashed server would. */
    public synchronized void cut() {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        listener = null;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            Socket upstream = new Socket();
            try {
                // Without it, Nagle's algorithm and delayed ACKs add tens of milliseconds to each request/response
                // round trip through the proxy: consumers doing a dozen Mongo calls per event would crawl.
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 2_000);
            } catch (IOException targetDown) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            sockets.add(client);
            sockets.add(upstream);
            daemon("proxy-" + name + "-up", () -> pump(client, upstream));
            daemon("proxy-" + name + "-down", () -> pump(upstream, client));
        }
    }

    /** Copies one direction until either side ends, then ends both (a half-open pair helps nobody here). */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // either side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
