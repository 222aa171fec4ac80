package io.desktopstarter.core.http.wire;

import java.time.Duration;

/**
 * What one connection may cost the server: sizes, and deadlines that a client trickling bytes
 * cannot stretch (each counts from the first byte, not per read).
 *
 * @param headTimeout from a request's first byte to the end of its headers
 * @param bodyTimeout to read a body once the handler asks for it
 * @param idleTimeout between requests on a kept-alive connection
 */
public record WireLimits(int maxRequestLine, int maxHeaderBytes, int maxHeaders, int maxConnections, Duration headTimeout,
        Duration bodyTimeout, Duration idleTimeout) {
    public static final WireLimits DEFAULT = new WireLimits(8 * 1024, 16 * 1024, 64, 256, Duration.ofSeconds(10),
            Duration.ofSeconds(10), Duration.ofSeconds(15));

    public WireLimits {
        if (maxRequestLine < 64 || maxHeaderBytes < 256 || maxHeaders < 4 || maxConnections < 1) {
            throw new IllegalArgumentException("limits too small to serve a browser");
        }
    }

    public WireLimits withTimeouts(Duration head, Duration body, Duration idle) {
        return new WireLimits(maxRequestLine, maxHeaderBytes, maxHeaders, maxConnections, head, body, idle);
    }
}
