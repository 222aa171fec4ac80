package io.desktopstarter.minisign;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A minisign public key: {@code base64("Ed" || key id (8, little-endian) || Ed25519 key (32))},
 * optionally preceded by an {@code untrusted comment:} line, as in a {@code .pub} file.
 */
public record MinisignPublicKey(byte[] keyId, byte[] key) {
    public MinisignPublicKey {
        if (keyId.length != 8 || key.length != 32) {
            throw new IllegalArgumentException("a minisign public key has an 8-byte id and a 32-byte key");
        }
        keyId = keyId.clone();
        key = key.clone();
    }

    public static MinisignPublicKey parse(String text) throws MinisignFormatException {
        // Line breaks alone (U+0085 is one, but not white space to strip()) split into no lines at all.
        String[] lines = text.strip().split("\\R");
        if (lines.length == 0 || lines.length > 2 || (lines.length == 2 && !lines[0].startsWith("untrusted comment:"))) {
            throw new MinisignFormatException("not a minisign public key: expected an optional 'untrusted comment:' line and one base64 line");
        }
        String encoded = lines[lines.length - 1].strip();
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new MinisignFormatException("not a minisign public key: the key line is not base64");
        }
        if (raw.length != 42 || raw[0] != 'E' || raw[1] != 'd') {
            throw new MinisignFormatException("not a minisign Ed25519 public key (" + raw.length + " bytes)");
        }
        MinisignPublicKey key = new MinisignPublicKey(Arrays.copyOfRange(raw, 2, 10), Arrays.copyOfRange(raw, 10, 42));
        if (!MinisignVerifier.validPoint(key.key)) {
            throw new MinisignFormatException("not a valid Ed25519 public key");
        }
        return key;
    }

    /** The key id as minisign prints it: 16 upper-case hex digits of the little-endian number. */
    public String keyIdHex() {
        return keyIdHex(keyId);
    }

    /** The same for a key id on its own (a signature's, say). */
    public static String keyIdHex(byte[] keyId) {
        byte[] bigEndian = new byte[8];
        for (int i = 0; i < 8; i++) {
            bigEndian[i] = keyId[7 - i];
        }
        return HexFormat.of().withUpperCase().formatHex(bigEndian);
    }

    public String toFileContent() {
        byte[] raw = new byte[42];
        raw[0] = 'E';
        raw[1] = 'd';
        System.arraycopy(keyId, 0, raw, 2, 8);
        System.arraycopy(key, 0, raw, 10, 32);
        return "untrusted comment: minisign public key " + keyIdHex() + "\n" + Base64.getEncoder().encodeToString(raw) + "\n";
    }

    @Override
    public byte[] keyId() {
        return keyId.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinisignPublicKey other && Arrays.equals(keyId, other.keyId) && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(keyId) + Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MinisignPublicKey[" + keyIdHex() + "]";
    }
}
