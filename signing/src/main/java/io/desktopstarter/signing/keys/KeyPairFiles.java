package io.desktopstarter.signing.keys;

import io.desktopstarter.signing.files.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A new release key pair as two files: the secret key (owner-only, scrypt-encrypted unless no password) and the public key. */
public final class KeyPairFiles {
    private KeyPairFiles() {
    }

    /**
     * Generates a key and writes both files; with {@code replace} false, neither is written when either exists.
     *
     * @param password empty: the secret key is stored unencrypted (like {@code minisign -W})
     * @return the new key (its public half names it)
     */
    public static SecretKey create(Path secretKey, Path publicKey, Optional<char[]> password, KdfLimits limits, boolean replace)
            throws IOException {
        if (!replace && (Files.exists(secretKey) || Files.exists(publicKey))) {
            throw new FileAlreadyExistsException((Files.exists(secretKey) ? secretKey : publicKey) + " exists; pass --force to replace it");
        }
        SecretKey key = SecretKeyFile.generate();
        SafeFiles.write(secretKey, SecretKeyFile.encode(key, password.orElse(null), limits).getBytes(StandardCharsets.UTF_8), true, replace);
        SafeFiles.write(publicKey, key.publicKey().toFileContent().getBytes(StandardCharsets.UTF_8), false, replace);
        return key;
    }
}
