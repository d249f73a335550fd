package org.secure2fa.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection, written by hand: the request's prepared bytes go out in one
 * write, the response is parsed from a reused buffer (status line, headers, a Content-Length or
 * chunked body). The driver shares its CPUs with the server, so it must cost little and the same for
 * every target; a general client (java.net.http) would add its own threads, allocation and queueing.
 *
 * <p>Not thread-safe: one connection per load thread.
 */
final class HttpConnection implements Connection {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    private static final int MAX_LINE = 8 * 1024;

    private final Endpoint endpoint;
    private final byte[] buffer = new byte[16 * 1024];
    private final byte[] line = new byte[MAX_LINE];
    private byte[] body = new byte[4 * 1024];
    private int position;
    private int limit;
    private boolean answered;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * Sends a request and reads its response, connecting first if needed. A kept-alive connection the
     * server closed while idle fails before the first response byte: that request is sent once more
     * on a new connection, as HTTP clients do, since the server cannot have processed it.
     */
    @Override
    public Response exchange(byte[] request) throws IOException {
        boolean reused = socket != null;
        if (!reused) {
            open();
        }
        try {
            return send(request);
        } catch (SocketTimeoutException e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            if (!reused || answered) {
                throw e;
            }
            open();
            try {
                return send(request);
            } catch (IOException again) {
                close();
                throw again;
            }
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing to do about a socket that would not close.
            }
            socket = null;
        }
    }

    private void open() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(READ_TIMEOUT_MILLIS);
            s.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), CONNECT_TIMEOUT_MILLIS);
            in = s.getInputStream();
            out = s.getOutputStream();
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        position = 0;
        limit = 0;
    }

    private Response send(byte[] request) throws IOException {
        answered = false;
        out.write(request);
        int length = readLine();
        if (length < 12 || !startsWith(line, length, "HTTP/1.")) {
            throw new IOException("Not an HTTP status line: "
                    + new String(line, 0, length, StandardCharsets.ISO_8859_1));
        }
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        boolean close = line[7] == '0';
        boolean chunked = false;
        long contentLength = -1;
        while ((length = readLine()) > 0) {
            if (startsWith(line, length, "content-length:")) {
                contentLength = number(length, "content-length:".length());
            } else if (startsWith(line, length, "transfer-encoding:")) {
                chunked = value(length, "transfer-encoding:".length()).toLowerCase().contains("chunked");
            } else if (startsWith(line, length, "connection:")) {
                String value = value(length, "connection:".length()).toLowerCase();
                close = value.contains("close") || (close && !value.contains("keep-alive"));
            }
        }
        int bodyLength;
        if (status == 204 || status == 304) {
            bodyLength = 0;
        } else if (chunked) {
            bodyLength = readChunked();
        } else if (contentLength >= 0) {
            bodyLength = readBody(0, Math.toIntExact(contentLength));
        } else {
            bodyLength = readToEnd();
            close = true;
        }
        if (close) {
            close();
        }
        return new Response(status, body, bodyLength);
    }

    private int readChunked() throws IOException {
        int total = 0;
        while (true) {
            int length = readLine();
            int size = 0;
            for (int i = 0; i < length && line[i] != ';'; i++) {
                size = size * 16 + Character.digit(line[i], 16);
            }
            if (size == 0) {
                while (readLine() > 0) {
                    // Trailers, unused.
                }
                return total;
            }
            total = readBody(total, size);
            readLine();
        }
    }

    private int readToEnd() throws IOException {
        int total = 0;
        while (true) {
            if (position == limit && !fill(false)) {
                return total;
            }
            int n = limit - position;
            ensureBody(total + n);
            System.arraycopy(buffer, position, body, total, n);
            position = limit;
            total += n;
        }
    }

    /** Appends {@code count} bytes to the body at {@code offset}; returns the body's new length. */
    private int readBody(int offset, int count) throws IOException {
        ensureBody(offset + count);
        int done = 0;
        while (done < count) {
            if (position == limit) {
                fill(true);
            }
            int n = Math.min(count - done, limit - position);
            System.arraycopy(buffer, position, body, offset + done, n);
            position += n;
            done += n;
        }
        return offset + count;
    }

    /** Reads a line into {@link #line} without its CR LF; returns its length. */
    private int readLine() throws IOException {
        int length = 0;
        while (true) {
            if (position == limit) {
                fill(true);
            }
            byte b = buffer[position++];
            if (b == '\n') {
                return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
            }
            if (length == MAX_LINE) {
                throw new IOException("Response line longer than " + MAX_LINE + " bytes");
            }
            line[length++] = b;
        }
    }

    private boolean fill(boolean required) throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            if (required) {
                throw new EOFException(answered ? "Connection closed mid-response" : "Connection closed");
            }
            return false;
        }
        answered = true;
        position = 0;
        limit = n;
        return true;
    }

    private void ensureBody(int capacity) {
        if (capacity > body.length) {
            byte[] larger = new byte[Math.max(capacity, body.length * 2)];
            System.arraycopy(body, 0, larger, 0, body.length);
            body = larger;
        }
    }

    /** A header's decimal value, parsed in place: Content-Length comes with every response. */
    private long number(int length, int from) throws IOException {
        int start = from;
        int end = length;
        while (start < end && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        if (start == end || end - start > 12) {
            throw new IOException("Bad header: " + new String(line, 0, length, StandardCharsets.ISO_8859_1));
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            if (line[i] < '0' || line[i] > '9') {
                throw new IOException("Bad header: " + new String(line, 0, length, StandardCharsets.ISO_8859_1));
            }
            value = value * 10 + (line[i] - '0');
        }
        return value;
    }

    private String value(int length, int from) {
        return new String(line, from, length - from, StandardCharsets.ISO_8859_1).trim();
    }

    /** Case-insensitive for ASCII letters; {@code prefix} is given in lower case. */
    private static boolean startsWith(byte[] bytes, int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            int b = bytes[i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            int p = prefix.charAt(i);
            if (p >= 'A' && p <= 'Z') {
                p += 'a' - 'A';
            }
            if (b != p) {
                return false;
            }
        }
        return true;
    }
}
