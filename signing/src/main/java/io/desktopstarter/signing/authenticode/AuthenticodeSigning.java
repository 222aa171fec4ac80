package io.desktopstarter.signing.authenticode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import java.util.Optional;
import net.jsign.AuthenticodeSigner;
import net.jsign.Signable;

/** Authenticode signatures for PE (.exe, .dll) and MSI files with jsign, from a PKCS#12 keystore. */
public final class AuthenticodeSigning {
    private final KeyStore keystore;
    private final String alias;
    private final String password;
    private final Optional<String> timestampUrl;

    private AuthenticodeSigning(KeyStore keystore, String alias, String password, Optional<String> timestampUrl) {
        this.keystore = keystore;
        this.alias = alias;
        this.password = password;
        this.timestampUrl = timestampUrl;
    }

    /** Opens the keystore; the alias defaults to the only (or first) key entry. */
    public static AuthenticodeSigning open(Path p12, String password, Optional<String> alias, Optional<String> timestampUrl)
            throws IOException {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(in, password.toCharArray());
            } catch (IOException e) {
                throw new GeneralSecurityException(e.getMessage(), e);
            }
            String chosen = alias.orElse(null);
            if (chosen == null) {
                for (String a : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(a)) {
                        chosen = a;
                        break;
                    }
                }
            }
            if (chosen == null || !store.isKeyEntry(chosen)) {
                throw new IOException(p12 + " has no private key" + alias.map(a -> " under alias '" + a + "'").orElse(""));
            }
            return new AuthenticodeSigning(store, chosen, password, timestampUrl);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot open " + p12 + " (wrong password or not PKCS#12: " + e.getMessage() + ")");
        }
    }

    /** Signs a copy and moves it into place, so a failure leaves the original untouched. */
    public void sign(Path file) throws IOException {
        Path work = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".signing");
        try {
            Files.copy(file, work, StandardCopyOption.REPLACE_EXISTING);
            try (Signable signable = Signable.of(work.toFile(), null)) {
                AuthenticodeSigner signer = new AuthenticodeSigner(keystore, alias, password)
                        .withTimestamping(timestampUrl.isPresent());
                timestampUrl.ifPresent(signer::withTimestampingAuthority);
                signer.sign(signable);
            } catch (Exception e) {
                throw new IOException("Authenticode signing of " + file.getFileName() + " failed: " + e.getMessage(), e);
            }
            Files.move(work, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(work);
        }
    }
}
