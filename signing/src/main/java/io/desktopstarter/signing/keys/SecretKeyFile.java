package io.desktopstarter.signing.keys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * minisign's secret key file: {@code base64(sig_alg "Ed" || kdf_alg "Sc"|0,0 || chk_alg "B2" ||
 * salt[32] || opslimit[8 LE] || memlimit[8 LE] || (key id[8] || sk[64] || chk[32]) XOR scrypt)},
 * where chk = BLAKE2b-256(sig_alg || key id || sk) detects a wrong password.
 */
public final class SecretKeyFile {
    private static final int KEYNUM_SK = 8 + 64 + 32;
    private static final int LENGTH = 2 + 2 + 2 + 32 + 8 + 8 + KEYNUM_SK;
    private static final String COMMENT = "untrusted comment: minisign encrypted secret key";

    private SecretKeyFile() {
    }

    public static SecretKey generate() {
        SecureRandom random = new SecureRandom();
        byte[] keyId = new byte[8];
        random.nextBytes(keyId);
        return new SecretKey(keyId, new Ed25519PrivateKeyParameters(random).getEncoded());
    }

    /** The file content; {@code password == null} writes an unencrypted key (minisign -W). */
    public static String encode(SecretKey key, char[] password, KdfLimits limits) {
        byte[] keynumSk = new byte[KEYNUM_SK];
        System.arraycopy(key.keyId(), 0, keynumSk, 0, 8);
        System.arraycopy(key.libsodiumSecretKey(), 0, keynumSk, 8, 64);
        System.arraycopy(checksum(key.keyId(), key.libsodiumSecretKey()), 0, keynumSk, 72, 32);
        ByteBuffer out = ByteBuffer.allocate(LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        out.put("Ed".getBytes(StandardCharsets.US_ASCII));
        if (password == null) {
            out.put(new byte[] {0, 0}).put("B2".getBytes(StandardCharsets.US_ASCII)).put(new byte[32]).putLong(0).putLong(0);
        } else {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            out.put("Sc".getBytes(StandardCharsets.US_ASCII)).put("B2".getBytes(StandardCharsets.US_ASCII)).put(salt)
                    .putLong(limits.opslimit()).putLong(limits.memlimit());
            xor(keynumSk, stream(password, salt, limits));
        }
        out.put(keynumSk);
        return COMMENT + "\n" + Base64.getEncoder().encodeToString(out.array()) + "\n";
    }

    public static boolean isEncrypted(String fileContent) throws KeyFormatException {
        byte[] raw = raw(fileContent);
        return raw[2] == 'S' && raw[3] == 'c';
    }

    public static SecretKey decode(String fileContent, char[] password) throws KeyFormatException, WrongPasswordException {
        byte[] raw = raw(fileContent);
        ByteBuffer in = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        byte[] sigAlg = new byte[2];
        byte[] kdfAlg = new byte[2];
        byte[] chkAlg = new byte[2];
        byte[] salt = new byte[32];
        in.get(sigAlg).get(kdfAlg).get(chkAlg).get(salt);
        long opslimit = in.getLong();
        long memlimit = in.getLong();
        byte[] keynumSk = new byte[KEYNUM_SK];
        in.get(keynumSk);
        if (!Arrays.equals(sigAlg, "Ed".getBytes(StandardCharsets.US_ASCII))
                || !Arrays.equals(chkAlg, "B2".getBytes(StandardCharsets.US_ASCII))) {
            throw new KeyFormatException("not a minisign Ed25519 secret key (unknown algorithm)");
        }
        boolean encrypted = Arrays.equals(kdfAlg, "Sc".getBytes(StandardCharsets.US_ASCII));
        if (!encrypted && !Arrays.equals(kdfAlg, new byte[2])) {
            throw new KeyFormatException("unknown key derivation in secret key file");
        }
        if (encrypted) {
            if (password == null) {
                throw new WrongPasswordException("the secret key is encrypted; give its password (--password-file)");
            }
            try {
                xor(keynumSk, stream(password, salt, new KdfLimits(opslimit, memlimit)));
            } catch (IllegalArgumentException e) {
                throw new KeyFormatException(e.getMessage());
            }
        }
        byte[] keyId = Arrays.copyOfRange(keynumSk, 0, 8);
        byte[] sk = Arrays.copyOfRange(keynumSk, 8, 72);
        byte[] chk = Arrays.copyOfRange(keynumSk, 72, 104);
        if (!MessageDigest.isEqual(chk, checksum(keyId, sk))) {
            if (encrypted) {
                throw new WrongPasswordException("wrong password for the secret key");
            }
            throw new KeyFormatException("the secret key file is damaged (checksum mismatch)");
        }
        SecretKey key = new SecretKey(keyId, Arrays.copyOf(sk, 32));
        if (!Arrays.equals(key.libsodiumSecretKey(), sk)) {
            throw new KeyFormatException("the secret key file is damaged (public half does not match)");
        }
        return key;
    }

    private static byte[] raw(String fileContent) throws KeyFormatException {
        String[] lines = fileContent.strip().split("\\R");
        if (lines.length != 2 || !lines[0].startsWith("untrusted comment:")) {
            throw new KeyFormatException("not a minisign secret key file (expected a comment line and a key line)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(lines[1].strip());
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("not a minisign secret key file (the key line is not base64)");
        }
        if (raw.length != LENGTH) {
            throw new KeyFormatException("not a minisign secret key file (" + raw.length + " bytes, expected " + LENGTH + ")");
        }
        return raw;
    }

    private static byte[] stream(char[] password, byte[] salt, KdfLimits limits) {
        KdfLimits.Scrypt p = limits.scrypt();
        byte[] pass = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)).array();
        int length = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)).limit();
        byte[] exact = Arrays.copyOf(pass, length);
        Arrays.fill(pass, (byte) 0);
        try {
            return SCrypt.generate(exact, salt, p.n(), p.r(), p.p(), KEYNUM_SK);
        } finally {
            Arrays.fill(exact, (byte) 0);
        }
    }

    private static byte[] checksum(byte[] keyId, byte[] sk) {
        Blake2bDigest digest = new Blake2bDigest(256);
        digest.update("Ed".getBytes(StandardCharsets.US_ASCII), 0, 2);
        digest.update(keyId, 0, 8);
        digest.update(sk, 0, 64);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    private static void xor(byte[] data, byte[] stream) {
        for (int i = 0; i < data.length; i++) {
            data[i] ^= stream[i];
        }
    }
}
