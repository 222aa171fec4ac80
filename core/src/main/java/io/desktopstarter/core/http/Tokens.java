package io.desktopstarter.core.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Constant-time token comparison and the CSRF token derivation. */
public final class Tokens {
    private Tokens() {
    }

    /** Compares in time independent of where the strings differ. Null never matches. */
    public static boolean matches(String expected, String candidate) {
        if (expected == null || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The CSRF token of a session: HMAC of the session token under the install secret, so it is
     * stable for the session, unguessable without the secret and never equal to the auth token.
     */
    public static String csrfToken(byte[] installSecret, String sessionToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(installSecret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("csrf:" + sessionToken).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
