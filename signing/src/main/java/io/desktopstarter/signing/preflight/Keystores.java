package io.desktopstarter.signing.preflight;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** Opening the PKCS#12 keystore a preflight checks. */
public final class Keystores {
    private Keystores() {
    }

    /** The keystore, or an {@link IOException} that names it and says what may be wrong (never the password). */
    public static KeyStore pkcs12(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException("cannot open " + file + " (wrong password or not PKCS#12): " + e.getMessage());
        }
    }
}
