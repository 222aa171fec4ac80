package io.desktopstarter.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static io.desktopstarter.signing.ExternalTools.tool;

import io.desktopstarter.testsupport.Required;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PE made here, signed by the CLI with a certificate from a CA made here, verified by osslsigncode. */
class AuthenticodeIT {
    @TempDir
    Path dir;
    Path exe;

    private ExternalTools.Run signCli(Map<String, String> env, String... args) throws Exception {
        return ExternalTools.cli(dir, env, null, args);
    }

    @BeforeEach
    void setUp() throws Exception {
        exe = Files.write(dir.resolve("desktop-java-starter.exe"), minimalPe64());
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair caKeys = rsa.generateKeyPair();
        KeyPair signerKeys = rsa.generateKeyPair();
        Instant now = Instant.now();
        X500Name caName = new X500Name("CN=Desktop Starter Test CA");
        X509Certificate ca = cert(caName, caName, caKeys, caKeys, now, true);
        X509Certificate signer = cert(caName, new X500Name("CN=Desktop Starter Test Code Signing"), signerKeys, caKeys, now, false);
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry("release", signerKeys.getPrivate(), "store pass".toCharArray(), new X509Certificate[] {signer, ca});
        try (var out = Files.newOutputStream(dir.resolve("signing.p12"))) {
            p12.store(out, "store pass".toCharArray());
        }
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(ca);
        }
        Files.writeString(dir.resolve("ca.pem"), pem.toString());
    }

    @Test
    void signedExecutableVerifiesWithOsslsigncodeAgainstTheCa() throws Exception {
        Required.tool("osslsigncode", "osslsigncode");
        byte[] unsigned = Files.readAllBytes(exe);

        ExternalTools.Run sign = signCli(Map.of("P12_PASS", "store pass"), "authenticode", "--keystore", "signing.p12",
                "--storepass-env", "P12_PASS", exe.getFileName().toString());

        assertThat(sign.code()).as(sign.err()).isZero();
        assertThat(Files.size(exe)).isGreaterThan(unsigned.length);
        ExternalTools.Run verify = tool(dir, null, "osslsigncode", "verify", "-CAfile", "ca.pem", "-in", exe.getFileName().toString());
        assertThat(verify.out() + verify.err()).contains("Signature verification: ok");
    }

    @Test
    void seedInputsWithBase64KeystoreWork() throws Exception {
        Required.tool("osslsigncode", "osslsigncode");
        String base64 = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("signing.p12")));

        ExternalTools.Run sign = signCli(Map.of("WIN_CSC_LINK", base64, "WIN_CSC_KEY_PASSWORD", "store pass"), "authenticode",
                exe.getFileName().toString());

        assertThat(sign.code()).as(sign.err()).isZero();
        assertThat(tool(dir, null, "osslsigncode", "verify", "-CAfile", "ca.pem", "-in", exe.getFileName().toString()).out())
                .contains("Signature verification: ok");
    }

    @Test
    void certificateSelectionBySubjectAndThumbprint() throws Exception {
        ExternalTools.Run wrongSubject = signCli(Map.of("P12_PASS", "store pass", "WIN_SIGN_CERT_SUBJECT_NAME", "CN=Somebody Else"),
                "authenticode", "--keystore", "signing.p12", "--storepass-env", "P12_PASS", exe.getFileName().toString());
        ExternalTools.Run rightSubject = signCli(Map.of("P12_PASS", "store pass", "WIN_SIGN_CERT_SUBJECT_NAME", "Test Code Signing"),
                "authenticode", "--keystore", "signing.p12", "--storepass-env", "P12_PASS", exe.getFileName().toString());

        assertThat(wrongSubject.code()).isEqualTo(2);
        assertThat(wrongSubject.err()).contains("has no private key matching");
        assertThat(rightSubject.code()).as(rightSubject.err()).isZero();
    }

    @Test
    void wrongPasswordFailsInOneLineAndLeavesTheFileUntouched() throws Exception {
        byte[] before = Files.readAllBytes(exe);

        ExternalTools.Run sign = signCli(Map.of("P12_PASS", "nope"), "authenticode", "--keystore", "signing.p12", "--storepass-env", "P12_PASS",
                exe.getFileName().toString());

        assertThat(sign.code()).isEqualTo(2);
        assertThat(sign.err().strip()).startsWith("error: cannot open").contains("wrong password").doesNotContain("nope");
        assertThat(Files.readAllBytes(exe)).isEqualTo(before);
    }

    /** A 1 KiB PE32+ console executable: headers, one .text section holding RET. */
    static byte[] minimalPe64() {
        ByteBuffer b = ByteBuffer.allocate(0x400).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x80);
        b.put(0x80, (byte) 'P').put(0x81, (byte) 'E');
        int coff = 0x84;
        b.putShort(coff, (short) 0x8664).putShort(coff + 2, (short) 1).putShort(coff + 16, (short) 240)
                .putShort(coff + 18, (short) 0x0022);
        int opt = coff + 20;
        b.putShort(opt, (short) 0x20b).put(opt + 2, (byte) 14).putInt(opt + 4, 0x200).putInt(opt + 16, 0x1000)
                .putInt(opt + 20, 0x1000).putLong(opt + 24, 0x140000000L).putInt(opt + 32, 0x1000).putInt(opt + 36, 0x200)
                .putShort(opt + 40, (short) 6).putShort(opt + 48, (short) 6).putInt(opt + 56, 0x2000).putInt(opt + 60, 0x200)
                .putShort(opt + 68, (short) 3).putShort(opt + 70, (short) 0x8160).putLong(opt + 72, 0x100000)
                .putLong(opt + 80, 0x1000).putLong(opt + 88, 0x100000).putLong(opt + 96, 0x1000).putInt(opt + 108, 16);
        int section = opt + 240;
        b.put(section, ".text".getBytes(StandardCharsets.US_ASCII)).putInt(section + 8, 0x10).putInt(section + 12, 0x1000)
                .putInt(section + 16, 0x200).putInt(section + 20, 0x200).putInt(section + 36, 0x60000020);
        b.put(0x200, (byte) 0xc3);
        return b.array();
    }

    private static X509Certificate cert(X500Name issuer, X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys,
            Instant now, boolean ca) throws Exception {
        var builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli() + (ca ? 0 : 1)),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject,
                subjectKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .addExtension(Extension.keyUsage, true, new KeyUsage(ca
                        ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature : KeyUsage.digitalSignature));
        if (!ca) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }
}
