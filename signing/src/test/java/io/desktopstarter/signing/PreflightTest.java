package io.desktopstarter.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.signing.preflight.Finding;
import io.desktopstarter.signing.preflight.NativeLibrary;
import io.desktopstarter.signing.preflight.NativeScanner;
import io.desktopstarter.signing.preflight.Preflight;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void nativesAreIdentifiedByHeaderInJarsAndDirectories() throws Exception {
        Path jar = jar("natives.jar",
                "linux/x64/libfoo.so", elf(0x3e), "linux/arm64/libfoo.so", elf(0xb7),
                "win/foo.dll", pe(0x8664), "mac/libfoo.dylib", machO(0x0100000c, true),
                "mac/libbar.jnilib", machO(0x01000007, false), "README.txt", new byte[] {1});
        Files.write(Files.createDirectories(dir.resolve("lib")).resolve("libloose.so"), elf(0x3e));

        List<NativeLibrary> libs = NativeScanner.scan(List.of(jar, dir.resolve("lib")));

        assertThat(libs).extracting(NativeLibrary::name, NativeLibrary::format, l -> l.archs().getFirst())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("libfoo.so", NativeLibrary.Format.ELF, "x64"),
                        org.assertj.core.groups.Tuple.tuple("libfoo.so", NativeLibrary.Format.ELF, "arm64"),
                        org.assertj.core.groups.Tuple.tuple("foo.dll", NativeLibrary.Format.PE, "x64"),
                        org.assertj.core.groups.Tuple.tuple("libfoo.dylib", NativeLibrary.Format.MACH_O, "arm64"),
                        org.assertj.core.groups.Tuple.tuple("libbar.jnilib", NativeLibrary.Format.MACH_O, "x64"),
                        org.assertj.core.groups.Tuple.tuple("libloose.so", NativeLibrary.Format.ELF, "x64"));
        assertThat(libs).filteredOn(l -> l.name().equals("libfoo.dylib")).allMatch(NativeLibrary::codeSigned);
        assertThat(libs).filteredOn(l -> l.name().equals("libbar.jnilib")).noneMatch(NativeLibrary::codeSigned);
    }

    @Test
    void looseExecutablesWithoutATellingNameAreFoundByHeaderButClassFilesAndTextAreNot() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("runtime/bin"));
        Files.write(bin.resolve("java"), machO(0x01000007, false));
        Files.write(bin.resolve("java-linux"), elf(0x3e));
        Files.write(bin.resolve("Main.class"), new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 69, 0, 0});
        Files.writeString(bin.resolve("release"), "JAVA_VERSION=\"25\"\n");

        assertThat(NativeScanner.scan(List.of(dir.resolve("runtime")))).extracting(NativeLibrary::name, NativeLibrary::format)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("java", NativeLibrary.Format.MACH_O),
                        org.assertj.core.groups.Tuple.tuple("java-linux", NativeLibrary.Format.ELF));
    }

    @Test
    void missingTargetArchitectureFailsAndMacLibrariesNeedSigning() throws Exception {
        Path jar = jar("n.jar", "a/libonlyarm.so", elf(0xb7), "b/libboth.so", elf(0xb7), "c/libboth.so", elf(0x3e),
                "m/libx.dylib", machO(0x01000007, false));
        List<NativeLibrary> libs = NativeScanner.scan(List.of(jar));

        List<Finding> linux = Preflight.natives(libs, "linux", "x64");
        List<Finding> mac = Preflight.natives(libs, "macos", "arm64");

        assertThat(linux).filteredOn(f -> f.level() == Finding.Level.FAIL).extracting(Finding::message)
                .singleElement().asString().contains("libonlyarm.so").contains("no x64 build for linux");
        assertThat(mac).filteredOn(f -> f.level() == Finding.Level.FAIL).extracting(Finding::message)
                .singleElement().asString().contains("libx.dylib").contains("no arm64 build");
        assertThat(mac).filteredOn(f -> f.level() == Finding.Level.WARN).extracting(Finding::message)
                .singleElement().asString().contains("unsigned; notarization needs it signed");
    }

    @Test
    void certificateExpiryAndUsageAreChecked() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        add(store, "good", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(400)), true);
        add(store, "soon", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(12)), true);
        add(store, "expired", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)), true);
        add(store, "tls-only", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(400)), false);

        List<Finding> findings = Preflight.certificates(store, CLOCK);

        assertThat(findings).anyMatch(f -> f.level() == Finding.Level.INFO && f.message().contains("'good'"));
        assertThat(findings).anyMatch(f -> f.level() == Finding.Level.WARN && f.message().contains("'soon'")
                && f.message().contains("in 12 days"));
        assertThat(findings).anyMatch(f -> f.level() == Finding.Level.FAIL && f.message().contains("'expired'"));
        assertThat(findings).anyMatch(f -> f.level() == Finding.Level.FAIL && f.message().contains("'tls-only'")
                && f.message().contains("not a code-signing certificate"));
        assertThat(findings).filteredOn(f -> f.message().contains("'good'")).allMatch(f -> f.level() == Finding.Level.INFO);
    }

    private static void add(KeyStore store, String alias, Instant from, Instant to, boolean codeSigning) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Test " + alias);
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(alias.hashCode() & 0xffff),
                Date.from(from), Date.from(to), name, pair.getPublic())
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        codeSigning ? KeyPurposeId.id_kp_codeSigning : KeyPurposeId.id_kp_serverAuth));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
        store.setKeyEntry(alias, pair.getPrivate(), "pw".toCharArray(), new X509Certificate[] {cert});
    }

    private Path jar(String name, Object... entries) throws Exception {
        Path jar = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i < entries.length; i += 2) {
                out.putNextEntry(new ZipEntry((String) entries[i]));
                out.write((byte[]) entries[i + 1]);
                out.closeEntry();
            }
        }
        return jar;
    }

    static byte[] elf(int machine) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        b.putShort(16, (short) 3).putShort(18, (short) machine);
        return b.array();
    }

    static byte[] pe(int machine) {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3c, 0x80);
        b.put(0x80, (byte) 'P').put(0x81, (byte) 'E').putShort(0x84, (short) machine);
        return b.array();
    }

    static byte[] machO(int cpu, boolean signed) {
        ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0xfeedfacf).putInt(4, cpu).putInt(12, 6).putInt(16, 2).putInt(20, 32);
        b.putInt(32, 0x19).putInt(36, 16);
        b.putInt(48, signed ? 0x1d : 0x22).putInt(52, 16);
        return b.array();
    }
}
