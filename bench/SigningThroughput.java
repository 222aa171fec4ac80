import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

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
        Path file = dir.resolve("artifact.bin");
        SplittableRandom random = new SplittableRandom(1);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mb; i++) {
                for (int j = 0; j < block.length; j += 8) {
                    long v = random.nextLong();
                    for (int k = 0; k < 8; k++) {
                        block[j + k] = (byte) (v >>> (8 * k));
                    }
                }
                out.write(block);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(dir, java, "-jar", cli, "keygen", "--secret-key", "ours.sec", "--public-key", "ours.pub", "--unencrypted");
        run(dir, "minisign", "-G", "-W", "-p", "theirs.pub", "-s", "theirs.sec", "-f");

        double ourSign = median(dir, java, "-jar", cli, "sign", "--secret-key", "ours.sec", "artifact.bin");
        double ourVerify = median(dir, java, "-jar", cli, "verify", "--public-key", "ours.pub", "artifact.bin");
        double theirSign = median(dir, "minisign", "-S", "-s", "theirs.sec", "-m", "artifact.bin", "-x", "t.minisig");
        double theirVerify = median(dir, "minisign", "-V", "-p", "theirs.pub", "-m", "artifact.bin", "-x", "t.minisig");
        double ourSum = median(dir, java, "-jar", cli, "checksums", "--output", "SUMS.txt", "artifact.bin");
        double theirSum = median(dir, "sha256sum", "artifact.bin");

        System.out.printf("%d MB file, median of 5 runs, whole commands (JVM start included)%n", mb);
        System.out.printf("| operation | desktop-starter-signing | native tool | ratio |%n|---|---|---|---|%n");
        System.out.printf("| sign (BLAKE2b-512 + Ed25519) | %.0f ms | minisign -S %.0f ms | %.2fx |%n", ourSign, theirSign, ourSign / theirSign);
        System.out.printf("| verify | %.0f ms | minisign -V %.0f ms | %.2fx |%n", ourVerify, theirVerify, ourVerify / theirVerify);
        System.out.printf("| sha256 manifest | %.0f ms | sha256sum %.0f ms | %.2fx |%n", ourSum, theirSum, ourSum / theirSum);
    }

    static double median(Path dir, String... command) throws Exception {
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            run(dir, command);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[2];
    }

    static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }
}
