package io.desktopstarter.signing.authenticode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An open Authenticode keystore for signing a batch of files, from a keystore file or from the seed's
 * {@code WIN_CSC_*} inputs ({@link WindowsSigningInputs}). Closing it deletes the keystore copy that a base64
 * {@code WIN_CSC_LINK} was decoded into, also when opening failed.
 */
public final class AuthenticodeSession implements AutoCloseable {
    private final AuthenticodeSigning signing;
    private final Optional<String> timestampUrl;
    private final Optional<Path> temporaryKeystore;

    private AuthenticodeSession(AuthenticodeSigning signing, Optional<String> timestampUrl, Optional<Path> temporaryKeystore) {
        this.signing = signing;
        this.timestampUrl = timestampUrl;
        this.temporaryKeystore = temporaryKeystore;
    }

    /**
     * From {@code WIN_CSC_LINK} and {@code WIN_CSC_KEY_PASSWORD}; empty when {@code WIN_CSC_LINK} is not set. The
     * certificate is picked by {@code alias} and the {@code WIN_SIGN_CERT_*} inputs; {@code tsa} wins over the
     * environment's timestamp URL.
     */
    public static Optional<AuthenticodeSession> fromEnvironment(Map<String, String> env, Optional<String> alias, Optional<String> tsa)
            throws IOException {
        Optional<WindowsSigningInputs> inputs = WindowsSigningInputs.fromEnvironment(env);
        if (inputs.isEmpty()) {
            return Optional.empty();
        }
        WindowsSigningInputs in = inputs.get();
        Optional<Path> temporary = in.temporary() ? Optional.of(in.keystore()) : Optional.empty();
        return Optional.of(open(in.keystore(), in.password(), alias, tsa.or(in::timestampUrl), env, temporary));
    }

    /** From a PKCS#12 file; the certificate is picked by {@code alias} and the {@code WIN_SIGN_CERT_*} inputs. */
    public static AuthenticodeSession fromKeystore(Path keystore, String password, Optional<String> alias, Optional<String> tsa,
            Map<String, String> env) throws IOException {
        return open(keystore, password, alias, tsa, env, Optional.empty());
    }

    private static AuthenticodeSession open(Path keystore, String password, Optional<String> alias, Optional<String> tsa,
            Map<String, String> env, Optional<Path> temporary) throws IOException {
        try {
            AuthenticodeSigning signing = AuthenticodeSigning.open(keystore, password,
                    AuthenticodeSigning.Selection.fromEnvironment(alias, env), tsa);
            return new AuthenticodeSession(signing, tsa, temporary);
        } catch (IOException | RuntimeException e) {
            if (temporary.isPresent()) {
                Files.deleteIfExists(temporary.get());
            }
            throw e;
        }
    }

    /** Signs in place (a failure leaves the file as it was). */
    public void sign(Path file) throws IOException {
        signing.sign(file);
    }

    public boolean timestamped() {
        return timestampUrl.isPresent();
    }

    @Override
    public void close() throws IOException {
        if (temporaryKeystore.isPresent()) {
            Files.deleteIfExists(temporaryKeystore.get());
        }
    }
}
