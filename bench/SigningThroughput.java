import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Signing and verifying a 200 MB file with our CLI jar against minisign and sha256sum, in one run,
 * median of 5 each (whole commands, JVM start included: that is what a release script pays).
 *
 *   ./mvnw -pl signing -am package -DskipTests -Dstage.skip
 *   java bench/SigningThroughput.java signing/target/desktop-starter-signing-0.1.0-SNAPSHOT-cli.jar [MB]
 */
public final class SigningThroughput {
    public static void main(String[] args) throws Exception {
        String cli = Path.of(args[0]).toAbsolutePath().toString();
        int mb = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir = Files.createTempDirectory("sign-bench");
        BenchFiles.randomFile(dir.resolve("artifact.bin"), mb);
        String java = BenchFiles.java();
        BenchFiles.run(dir, java, "-jar", cli, "keygen", "--secret-key", "ours.sec", "--public-key", "ours.pub", "--unencrypted");
        BenchFiles.run(dir, "minisign", "-G", "-W", "-p", "theirs.pub", "-s", "theirs.sec", "-f");

        double ourSign = BenchFiles.median(dir, java, "-jar", cli, "sign", "--secret-key", "ours.sec", "artifact.bin");
        double ourVerify = BenchFiles.median(dir, java, "-jar", cli, "verify", "--public-key", "ours.pub", "artifact.bin");
        double theirSign = BenchFiles.median(dir, "minisign", "-S", "-s", "theirs.sec", "-m", "artifact.bin", "-x", "t.minisig");
        double theirVerify = BenchFiles.median(dir, "minisign", "-V", "-p", "theirs.pub", "-m", "artifact.bin", "-x", "t.minisig");
        double ourSum = BenchFiles.median(dir, java, "-jar", cli, "checksums", "--output", "SUMS.txt", "artifact.bin");
        double theirSum = BenchFiles.median(dir, "sha256sum", "artifact.bin");

        System.out.printf("%d MB file, median of 5 runs, whole commands (JVM start included)%n", mb);
        System.out.printf("| operation | desktop-starter-signing | native tool | ratio |%n|---|---|---|---|%n");
        System.out.printf("| sign (BLAKE2b-512 + Ed25519) | %.0f ms | minisign -S %.0f ms | %.2fx |%n", ourSign, theirSign, ourSign / theirSign);
        System.out.printf("| verify | %.0f ms | minisign -V %.0f ms | %.2fx |%n", ourVerify, theirVerify, ourVerify / theirVerify);
        System.out.printf("| sha256 manifest | %.0f ms | sha256sum %.0f ms | %.2fx |%n", ourSum, theirSum, ourSum / theirSum);
    }
}
