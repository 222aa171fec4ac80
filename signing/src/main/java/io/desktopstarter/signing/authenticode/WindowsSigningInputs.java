package io.desktopstarter.signing.authenticode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's Windows signing inputs: {@code WIN_CSC_LINK} (a .p12 path or its base64 contents),
 * {@code WIN_CSC_KEY_PASSWORD}, and the timestamp URLs {@code WIN_SIGN_TIMESTAMP_RFC3161_URL} /
 * {@code WIN_SIGN_TIMESTAMP_URL}.
 */
public record WindowsSigningInputs(Path keystore, boolean temporary, String password, Optional<String> timestampUrl) {

    /** Empty when WIN_CSC_LINK is not set: the build stays unsigned and says so. */
    public static Optional<WindowsSigningInputs> fromEnvironment(Map<String, String> env) throws IOException {
        String link = env.get("WIN_CSC_LINK");
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        String password = env.get("WIN_CSC_KEY_PASSWORD");
        if (password == null) {
            throw new IOException("WIN_CSC_LINK is set but WIN_CSC_KEY_PASSWORD is not");
        }
        Optional<String> tsa = Optional.ofNullable(env.get("WIN_SIGN_TIMESTAMP_RFC3161_URL")).filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(env.get("WIN_SIGN_TIMESTAMP_URL")).filter(s -> !s.isBlank()));
        Path asPath = Path.of(link.strip());
        if (Files.isRegularFile(asPath)) {
            return Optional.of(new WindowsSigningInputs(asPath, false, password, tsa));
        }
        byte[] p12;
        try {
            p12 = Base64.getMimeDecoder().decode(link.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("WIN_CSC_LINK is neither an existing .p12 file nor base64 .p12 contents");
        }
        Path file = Files.createTempFile("win-csc", ".p12", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, p12);
        return Optional.of(new WindowsSigningInputs(file, true, password, tsa));
    }
}
