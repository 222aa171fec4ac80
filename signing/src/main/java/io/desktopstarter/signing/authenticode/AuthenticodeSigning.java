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

    /** How to pick the certificate when the keystore holds several (the seed's WIN_SIGN_CERT_* inputs). */
    public record Selection(Optional<String> alias, Optional<String> sha1Thumbprint, Optional<String> subjectName) {
        public static Selection byAlias(Optional<String> alias) {
            return new Selection(alias, Optional.empty(), Optional.empty());
        }

        /** The alias given, plus the seed's {@code WIN_SIGN_CERT_SHA1} and {@code WIN_SIGN_CERT_SUBJECT_NAME}. */
        public static Selection fromEnvironment(Optional<String> alias, java.util.Map<String, String> env) {
            return new Selection(alias, Optional.ofNullable(env.get("WIN_SIGN_CERT_SHA1")).filter(v -> !v.isBlank()),
                    Optional.ofNullable(env.get("WIN_SIGN_CERT_SUBJECT_NAME")).filter(v -> !v.isBlank()));
        }

        boolean matches(String candidate, java.security.cert.X509Certificate cert) throws GeneralSecurityException {
            if (alias.isPresent() && !alias.get().equals(candidate)) {
                return false;
            }
            if (sha1Thumbprint.isPresent()) {
                String thumb = java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
                if (!thumb.equalsIgnoreCase(sha1Thumbprint.get().replace(" ", "").replace(":", ""))) {
                    return false;
                }
            }
            return subjectName.isEmpty() || cert.getSubjectX500Principal().getName().contains(subjectName.get());
        }
    }

    /** Opens the keystore and picks the first key entry that matches {@code selection}. */
    public static AuthenticodeSigning open(Path p12, String password, Selection selection, Optional<String> timestampUrl)
            throws IOException {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(in, password.toCharArray());
            } catch (IOException e) {
                throw new GeneralSecurityException(e.getMessage(), e);
            }
            String chosen = null;
            for (String a : Collections.list(store.aliases())) {
                if (store.isKeyEntry(a) && store.getCertificate(a) instanceof java.security.cert.X509Certificate cert
                        && selection.matches(a, cert)) {
                    chosen = a;
                    break;
                }
            }
            if (chosen == null) {
                throw new IOException(p12 + " has no private key matching " + selection);
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
