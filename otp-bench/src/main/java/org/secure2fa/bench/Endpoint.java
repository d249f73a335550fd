package org.secure2fa.bench;

import java.net.URI;

/**
 * Where a target listens, and the path its requests go below: {@code http://localhost:8080},
 * {@code http://127.0.0.1:8099/}.
 */
record Endpoint(String host, int port, String basePath) {

    /** Only plain HTTP: the driver writes its requests by hand and TLS would be a cost of its own. */
    static Endpoint of(String url) {
        URI uri = URI.create(url);
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Not an http:// URL: " + url);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new Endpoint(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(),
                path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    String hostHeader() {
        return port == 80 ? host : host + ":" + port;
    }

    /** {@code path} below the endpoint's base path, which is how the server's context root is given. */
    String path(String path) {
        return basePath + path;
    }

    @Override
    public String toString() {
        return "http://" + hostHeader() + (basePath.isEmpty() ? "/" : basePath);
    }
}
