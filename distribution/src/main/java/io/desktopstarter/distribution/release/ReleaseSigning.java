package io.desktopstarter.distribution.release;

import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.signing.keys.KeyFormatException;
import io.desktopstarter.signing.keys.SecretKey;
import io.desktopstarter.signing.keys.SecretKeyFile;
import io.desktopstarter.signing.keys.WrongPasswordException;
import io.desktopstarter.signing.sign.MinisignSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The release key, if one is configured: {@code DESKTOP_STARTER_SIGNING_KEY} (a minisign secret
 * key file's path, or its content) and {@code DESKTOP_STARTER_SIGNING_PASSWORD} (empty for an
 * unencrypted key). The password is never printed.
 */
public final class ReleaseSigning {
    public static final String KEY_ENV = "DESKTOP_STARTER_SIGNING_KEY";
    public static final String PASSWORD_ENV = "DESKTOP_STARTER_SIGNING_PASSWORD";

    private final MinisignSigner signer;
    private final SecretKey key;

    private ReleaseSigning(SecretKey key, Clock clock) {
        this.key = key;
        this.signer = new MinisignSigner(key, clock);
    }

    public static Optional<ReleaseSigning> fromEnvironment(Map<String, String> env, Clock clock)
            throws IOException, KeyFormatException, WrongPasswordException {
        String value = env.get(KEY_ENV);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String content = value.contains("\n") ? value : Files.readString(Path.of(value.strip()), StandardCharsets.UTF_8);
        char[] password = env.getOrDefault(PASSWORD_ENV, "").toCharArray();
        return Optional.of(new ReleaseSigning(SecretKeyFile.decode(content, password), clock));
    }

    public String publicKeyLine() {
        return key.publicKey().toFileContent().lines().toList().get(1);
    }

    public String keyId() {
        return key.publicKey().keyIdHex();
    }

    /** Writes {@code <file>.minisig} and returns its content. */
    public String sign(Path file) throws IOException {
        MinisignSignature signature = signer.sign(file, null);
        String content = signature.toFileContent();
        Files.writeString(file.resolveSibling(file.getFileName() + ".minisig"), content, StandardCharsets.UTF_8);
        return content;
    }
}
