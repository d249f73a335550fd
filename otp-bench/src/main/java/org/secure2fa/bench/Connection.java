package org.secure2fa.bench;

import java.io.Closeable;
import java.io.IOException;

/**
 * One client connection as a load thread uses it: {@link HttpConnection} on the wire, a stub in tests
 * of the pacing, which must not depend on a server's speed.
 */
interface Connection extends Closeable {

    /** A response; {@code body} may be the connection's buffer, valid only until the next exchange. */
    record Response(int status, byte[] body, int length) {
    }

    Response exchange(byte[] request) throws IOException;

    @Override
    void close();
}
