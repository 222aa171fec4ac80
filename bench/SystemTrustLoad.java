import io.desktopstarter.updater.download.SystemTrust;

/**
 * What trusting the operating system's CA store costs the first update download (D-029): reading
 * the store and making a TLS context, first in a fresh JVM (cold) and then again (warm).
 *
 *   ./mvnw -pl updater -am package -DskipTests -Dstage.skip
 *   java -cp updater/target/desktop-starter-updater-0.1.0-SNAPSHOT-cli.jar bench/SystemTrustLoad.java [runs]
 */
public final class SystemTrustLoad {
    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long[] ms = new long[runs];
        String source = "";
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            SystemTrust.Anchors anchors = SystemTrust.load();
            anchors.context();
            ms[i] = (System.nanoTime() - start) / 1_000_000;
            source = anchors.source();
        }
        long[] warm = java.util.Arrays.copyOfRange(ms, 1, runs);
        java.util.Arrays.sort(warm);
        System.out.println(source + ": cold " + ms[0] + " ms, warm median " + warm[warm.length / 2] + " ms (" + (runs - 1) + " runs)");
    }
}
