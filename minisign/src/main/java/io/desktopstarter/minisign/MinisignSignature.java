package io.desktopstarter.minisign;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A {@code .minisig} file: untrusted comment, {@code base64(alg || key id || signature)}, trusted
 * comment, {@code base64(global signature)}. {@code ED} signs the BLAKE2b-512 hash of the file
 * (prehashed, the default); {@code Ed} signs the file itself (legacy).
 */
public record MinisignSignature(Algorithm algorithm, byte[] keyId, byte[] signature, String untrustedComment,
        String trustedComment, byte[] globalSignature) {

    /** Which bytes the Ed25519 signature covers. */
    public enum Algorithm {
        PREHASHED("ED"),
        LEGACY("Ed");

        final String tag;

        Algorithm(String tag) {
            this.tag = tag;
        }
    }

    private static final String UNTRUSTED = "untrusted comment: ";
    private static final String TRUSTED = "trusted comment: ";

    public MinisignSignature {
        if (keyId.length != 8 || signature.length != 64 || globalSignature.length != 64) {
            throw new IllegalArgumentException("minisign signatures have an 8-byte key id and 64-byte signatures");
        }
        if (trustedComment.contains("\n") || trustedComment.contains("\r") || untrustedComment.contains("\n")) {
            throw new IllegalArgumentException("comments are single lines");
        }
        keyId = keyId.clone();
        signature = signature.clone();
        globalSignature = globalSignature.clone();
    }

    public static MinisignSignature parse(String text) throws MinisignFormatException {
        String[] lines = text.split("\\R", -1);
        int count = lines.length;
        while (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        if (count != 4) {
            throw new MinisignFormatException("not a minisign signature: expected 4 lines, found " + count);
        }
        if (!lines[0].startsWith(UNTRUSTED)) {
            throw new MinisignFormatException("not a minisign signature: line 1 must start with 'untrusted comment:'");
        }
        if (!lines[2].startsWith(TRUSTED)) {
            throw new MinisignFormatException("not a minisign signature: line 3 must start with 'trusted comment:'");
        }
        byte[] sig = decode(lines[1], "signature");
        byte[] global = decode(lines[3], "global signature");
        if (sig.length != 74) {
            throw new MinisignFormatException("not a minisign signature: signature line has " + sig.length + " bytes, not 74");
        }
        if (global.length != 64) {
            throw new MinisignFormatException("not a minisign signature: global signature has " + global.length + " bytes, not 64");
        }
        String tag = new String(sig, 0, 2, StandardCharsets.US_ASCII);
        Algorithm algorithm = switch (tag) {
            case "ED" -> Algorithm.PREHASHED;
            case "Ed" -> Algorithm.LEGACY;
            default -> throw new MinisignFormatException("unsupported minisign signature algorithm '" + tag + "'");
        };
        return new MinisignSignature(algorithm, Arrays.copyOfRange(sig, 2, 10), Arrays.copyOfRange(sig, 10, 74),
                lines[0].substring(UNTRUSTED.length()), lines[2].substring(TRUSTED.length()), global);
    }

    public String toFileContent() {
        byte[] sig = new byte[74];
        System.arraycopy(algorithm.tag.getBytes(StandardCharsets.US_ASCII), 0, sig, 0, 2);
        System.arraycopy(keyId, 0, sig, 2, 8);
        System.arraycopy(signature, 0, sig, 10, 64);
        return UNTRUSTED + untrustedComment + "\n" + Base64.getEncoder().encodeToString(sig) + "\n"
                + TRUSTED + trustedComment + "\n" + Base64.getEncoder().encodeToString(globalSignature) + "\n";
    }

    /** What the global signature covers: the file signature followed by the trusted comment. */
    public byte[] globalSignedBytes() {
        byte[] comment = trustedComment.getBytes(StandardCharsets.UTF_8);
        byte[] data = Arrays.copyOf(signature, 64 + comment.length);
        System.arraycopy(comment, 0, data, 64, comment.length);
        return data;
    }

    private static byte[] decode(String line, String what) throws MinisignFormatException {
        try {
            return Base64.getDecoder().decode(line.strip());
        } catch (IllegalArgumentException e) {
            throw new MinisignFormatException("not a minisign signature: the " + what + " is not base64");
        }
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] globalSignature() {
        return globalSignature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinisignSignature s && algorithm == s.algorithm && Arrays.equals(keyId, s.keyId)
                && Arrays.equals(signature, s.signature) && trustedComment.equals(s.trustedComment)
                && untrustedComment.equals(s.untrustedComment) && Arrays.equals(globalSignature, s.globalSignature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature);
    }
}
