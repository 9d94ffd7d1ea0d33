package io.kontor.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Ports for local infrastructure. Machines are shared, so nothing here assumes 9092, 5432 or 8080 is free. A port found
 * free can still be taken before the caller binds it; the starters in this package retry on a bind failure.
 */
public final class FreePorts {

    private FreePorts() {}

    /** A port on the loopback interface that nobody listens on right now. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    public static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
