package io.desktopstarter.signing.sign;

import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.minisign.MinisignVerifier;
import io.desktopstarter.minisign.Verification;
import io.desktopstarter.signing.files.SafeFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Detached {@code FILE.minisig} signature files beside the files they sign, as {@code minisign -S}/{@code -V} use them. */
public final class SignatureFiles {
    private SignatureFiles() {
    }

    /** {@code FILE.minisig}. */
    public static Path signatureOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".minisig");
    }

    /**
     * Signs every file (each signature checked before it is written), after making sure all of them exist.
     *
     * @param trustedComment null: {@link MinisignSigner#defaultTrustedComment}
     * @param onSigned       file, signature file: after each one is written
     */
    public static void signAll(MinisignSigner signer, List<Path> files, String trustedComment, BiConsumer<Path, Path> onSigned)
            throws IOException {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString());
            }
        }
        for (Path file : files) {
            MinisignSignature signature = signer.sign(file, trustedComment);
            SafeFiles.write(signatureOf(file), signature.toFileContent().getBytes(StandardCharsets.UTF_8), false, true);
            onSigned.accept(file, signatureOf(file));
        }
    }

    /** Checks {@code file} against its signature file ({@code FILE.minisig} unless given) and a public key file. */
    public static Verification verify(Path publicKey, Optional<Path> signature, Path file) throws IOException, MinisignFormatException {
        MinisignPublicKey key = MinisignPublicKey.parse(Files.readString(publicKey, StandardCharsets.UTF_8));
        MinisignSignature sig = MinisignSignature.parse(Files.readString(signature.orElse(signatureOf(file)), StandardCharsets.UTF_8));
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return MinisignVerifier.verify(key, sig, file);
    }
}
