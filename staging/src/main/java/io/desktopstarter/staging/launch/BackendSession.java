package io.desktopstarter.staging.launch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** A running backend as the shell sees it. {@code token} is a secret: never log it. */
public record BackendSession(int port, String token, long serverPid, OptionalLong workerPid) {
    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    public String appUrl() {
        return origin() + "/";
    }

    /** Opening this URL sets the auth cookie and lands on {@code next} (a local path). */
    public String bootstrapUrl(String next) {
        return origin() + "/desktop-auth/bootstrap/?token=" + token + "&next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "BackendSession[" + origin() + ", server " + serverPid + ", worker " + workerPid + "]";
    }
}
