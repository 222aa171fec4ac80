package io.desktopstarter.updater.trust;

import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignPublicKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The release public keys compiled into the app: the resource {@value #RESOURCE}, one minisign
 * public key (base64 line) per line, {@code #} and {@code untrusted comment:} lines ignored. The
 * distribution build writes it from the release key; without it updates are off.
 */
public final class BuiltInKeys {
    public static final String RESOURCE = "io/desktopstarter/updater/trusted-keys.txt";

    private BuiltInKeys() {
    }

    public static List<MinisignPublicKey> load(ClassLoader loader) throws IOException, MinisignFormatException {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            return in == null ? List.of() : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    public static List<MinisignPublicKey> parse(String text) throws MinisignFormatException {
        List<MinisignPublicKey> keys = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.startsWith("untrusted comment:")) {
                keys.add(MinisignPublicKey.parse(trimmed));
            }
        }
        return keys;
    }
}
