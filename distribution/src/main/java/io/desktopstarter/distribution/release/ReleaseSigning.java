package io.desktopstarter.distribution.release;

import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignPublicKey;
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
    /**
     * A rebuild of a published release: the path of its minisign public key, built into the app as a signed build
     * would, so the packages come out byte for byte as published, without the secret key and with no signatures.
     */
    public static final String PUBLISHED_KEY_ENV = "DESKTOP_STARTER_RELEASE_PUBLIC_KEY";

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
        return keyLine(key.publicKey());
    }

    /** The public key line of {@link #PUBLISHED_KEY_ENV}'s file, when a rebuild names one. */
    public static Optional<String> publishedKeyLine(Map<String, String> env) throws IOException {
        String file = env.get(PUBLISHED_KEY_ENV);
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(keyLine(MinisignPublicKey.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8))));
        } catch (MinisignFormatException e) {
            throw new IOException(PUBLISHED_KEY_ENV + "=" + file + " is not a minisign public key: " + e.getMessage(), e);
        }
    }

    private static String keyLine(MinisignPublicKey publicKey) {
        return publicKey.toFileContent().lines().toList().get(1);
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
