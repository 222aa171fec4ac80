import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Update verification of a 200 MB artifact: our {@code verify-kit} (signed feed + size + sha256 +
 * minisign signature, JVM start included) against {@code sha256sum} followed by {@code minisign -V}
 * on the same file, median of 5 each.
 *
 *   ./mvnw -pl signing -am package -DskipTests -Dstage.skip
 *   java bench/VerifyThroughput.java updater/target/desktop-starter-updater-0.1.0-SNAPSHOT-cli.jar \
 *        signing/target/desktop-starter-signing-0.1.0-SNAPSHOT-cli.jar [MB]
 */
public final class VerifyThroughput {
    static final String NAME = "desktop-java-starter-javafx-linux-9.9.9-x64.tar.gz";

    public static void main(String[] args) throws Exception {
        String updater = Path.of(args[0]).toAbsolutePath().toString();
        String signing = Path.of(args[1]).toAbsolutePath().toString();
        int mb = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path dir = Files.createTempDirectory("verify-bench");
        Path artifact = BenchFiles.randomFile(dir.resolve(NAME), mb);
        String java = BenchFiles.java();
        BenchFiles.run(dir, java, "-jar", signing, "keygen", "--secret-key", "ours.sec", "--public-key", "ours.pub", "--unencrypted");
        BenchFiles.run(dir, java, "-jar", signing, "sign", "--secret-key", "ours.sec", NAME);
        BenchFiles.run(dir, "minisign", "-G", "-W", "-p", "theirs.pub", "-s", "theirs.sec", "-f");
        BenchFiles.run(dir, "minisign", "-S", "-s", "theirs.sec", "-m", NAME, "-x", "theirs.minisig");

        String sha256;
        try (var in = Files.newInputStream(artifact)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        String signature = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve(NAME + ".minisig")));
        Files.writeString(dir.resolve("latest.json"), """
                {"schema": 1, "app": "desktop-java-starter", "shell": "javafx", "version": "9.9.9",
                 "pub_date": "2026-11-23T00:00:00Z", "expires": "2099-01-01T00:00:00Z", "notes": "bench",
                 "platforms": {"linux-x64-tar.gz": {"url": "https://u.example/%s", "sha256": "%s", "size": %d,
                 "signature": "%s"}}}
                """.formatted(NAME, sha256, Files.size(artifact), signature), StandardCharsets.UTF_8);
        BenchFiles.run(dir, java, "-jar", signing, "sign", "--secret-key", "ours.sec", "latest.json");

        double ours = BenchFiles.median(dir, java, "-jar", updater, "verify-kit", ".", "--public-key", "ours.pub",
                "--platform", "linux-x64-tar.gz");
        double sum = BenchFiles.median(dir, "sha256sum", NAME);
        double mini = BenchFiles.median(dir, "minisign", "-V", "-p", "theirs.pub", "-m", NAME, "-x", "theirs.minisig");
        double both = BenchFiles.median(dir, "sh", "-c", "sha256sum " + NAME + " >/dev/null && minisign -Vq -p theirs.pub -m "
                + NAME + " -x theirs.minisig");

        System.out.printf("%d MB artifact, median of 5 runs, whole commands (JVM start included)%n", mb);
        System.out.printf("| check | time | vs sha256sum + minisign -V |%n|---|---|---|%n");
        System.out.printf("| verify-kit (feed signature + size + sha256 + artifact signature) | %.0f ms | %.2fx |%n", ours, ours / both);
        System.out.printf("| sha256sum + minisign -V (sequential) | %.0f ms | 1.00x |%n", both);
        System.out.printf("| sha256sum alone | %.0f ms | |%n| minisign -V alone | %.0f ms | |%n", sum, mini);
    }
}
