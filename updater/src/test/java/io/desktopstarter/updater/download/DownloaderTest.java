package io.desktopstarter.updater.download;

import static io.desktopstarter.updater.testing.RejectionAssert.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.updater.policy.RejectionCode;
import io.desktopstarter.updater.testing.TestPki;
import io.desktopstarter.updater.testing.UpdateServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real HTTPS server whose certificate chains to a CA made for the test. */
class DownloaderTest {
    static final TestPki pki = TestPki.shared();
    static final byte[] BODY = new byte[3 * 1024 * 1024 + 17];

    @TempDir
    Path dir;
    UpdateServer server;
    Downloader downloader;
    List<DownloadProgress> progress = new ArrayList<>();

    @BeforeAll
    static void body() {
        new Random(7).nextBytes(BODY);
    }

    @BeforeEach
    void start() throws Exception {
        server = UpdateServer.https(pki.serverContext()).put("/app.tar.gz", BODY);
        downloader = new Downloader(DownloadSettings.defaults().withTls(pki.clientContext()).withReadTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() throws Exception {
        downloader.close();
        server.close();
    }

    DownloadOutcome download() {
        return downloader.download(server.url("/app.tar.gz"), BODY.length, dir.resolve("app.tar.gz.part"), progress::add, () -> false);
    }

    @Test
    void downloadsTheAnnouncedBytesWithProgress() throws Exception {
        assertThat(download()).isEqualTo(new DownloadOutcome.Completed(dir.resolve("app.tar.gz.part")));
        assertThat(Files.readAllBytes(dir.resolve("app.tar.gz.part"))).isEqualTo(BODY);
        assertThat(progress).isNotEmpty();
        assertThat(progress.getLast().bytes()).isEqualTo(BODY.length);
        assertThat(progress.getLast().total()).isEqualTo(BODY.length);
        assertThat(progress.getLast().bytesPerSecond()).isPositive();
    }

    @Test
    void aDroppedConnectionKeepsTheBytesAndTheNextAttemptResumesWithRange() throws Exception {
        server.mode("/app.tar.gz", UpdateServer.Mode.TRUNCATE_ONCE);

        DownloadOutcome first = download();
        assertThat(first).isInstanceOfSatisfying(DownloadOutcome.Failed.class, f -> assertThat(f.resumable()).isTrue());
        long kept = Files.size(dir.resolve("app.tar.gz.part"));
        assertThat(kept).isPositive().isLessThan(BODY.length);

        assertThat(download()).isInstanceOf(DownloadOutcome.Completed.class);
        assertThat(Files.readAllBytes(dir.resolve("app.tar.gz.part"))).isEqualTo(BODY);
        assertThat(server.requests().getLast()).isEqualTo("GET /app.tar.gz bytes=" + kept + "-");
    }

    @Test
    void aServerIgnoringRangeRestartsFromZero() throws Exception {
        Files.write(dir.resolve("app.tar.gz.part"), new byte[1000]);
        server.mode("/app.tar.gz", UpdateServer.Mode.NO_RANGE);

        assertThat(download()).isInstanceOf(DownloadOutcome.Completed.class);
        assertThat(Files.readAllBytes(dir.resolve("app.tar.gz.part"))).isEqualTo(BODY);
    }

    @Test
    void moreBytesThanAnnouncedAreCutOffAndNothingIsKept() {
        server.mode("/app.tar.gz", UpdateServer.Mode.EXTRA_BYTES);

        assertRejected(download(), RejectionCode.SIZE_MISMATCH);
        assertThat(dir.resolve("app.tar.gz.part")).doesNotExist();
    }

    @Test
    void aRedirectToPlainHttpIsRefused() throws Exception {
        try (UpdateServer plain = UpdateServer.http().put("/app.tar.gz", BODY)) {
            server.redirect("/moved.tar.gz", plain.url("/app.tar.gz").toString());
            DownloadOutcome outcome = downloader.download(server.url("/moved.tar.gz"), BODY.length, dir.resolve("x.part"),
                    progress::add, () -> false);
            assertRejected(outcome, RejectionCode.INSECURE_URL);
            assertThat(plain.requests()).isEmpty();
        }
    }

    @Test
    void aRedirectToHttpsIsFollowed() {
        server.redirect("/moved.tar.gz", server.url("/app.tar.gz").toString());
        assertThat(downloader.download(server.url("/moved.tar.gz"), BODY.length, dir.resolve("y.part"), progress::add,
                () -> false)).isInstanceOf(DownloadOutcome.Completed.class);
    }

    @Test
    void aStalledServerTimesOut() {
        server.mode("/app.tar.gz", UpdateServer.Mode.SLOW);
        long start = System.nanoTime();

        DownloadOutcome outcome = download();

        assertThat(outcome).isInstanceOfSatisfying(DownloadOutcome.Failed.class,
                f -> assertThat(f.message()).containsIgnoringCase("timed out"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void unreachableServersAreDescribedInWordsAUserCanActOn() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DownloadOutcome refused = downloader.download(java.net.URI.create("https://127.0.0.1:" + closedPort + "/app.tar.gz"),
                BODY.length, dir.resolve("r.part"), progress::add, () -> false);

        assertThat(refused).isInstanceOfSatisfying(DownloadOutcome.Failed.class,
                f -> assertThat(f.message()).contains("the server refused the connection"));
        assertThat(Downloader.describe(new java.net.UnknownHostException("downloads.example.com")))
                .isEqualTo("cannot find the server; is this computer offline? (UnknownHostException: downloads.example.com)");
    }

    @Test
    void aServerTheTrustStoreDoesNotKnowIsRefused() throws Exception {
        try (Downloader systemTrust = new Downloader(DownloadSettings.defaults())) {
            DownloadOutcome outcome = systemTrust.download(server.url("/app.tar.gz"), BODY.length, dir.resolve("z.part"),
                    progress::add, () -> false);
            assertThat(outcome).isInstanceOfSatisfying(DownloadOutcome.Failed.class,
                    f -> assertThat(f.message()).contains("SSLHandshakeException"));
        }
        assertThat(dir.resolve("z.part")).doesNotExist();
    }

    @Test
    void plainHttpIsRefusedUnlessLoopbackIsAllowedExplicitly() throws Exception {
        try (UpdateServer plain = UpdateServer.http().put("/app.tar.gz", BODY)) {
            assertThat(downloader.download(plain.url("/app.tar.gz"), BODY.length, dir.resolve("p.part"), progress::add,
                    () -> false)).isInstanceOf(DownloadOutcome.Rejected.class);
            try (Downloader loopback = new Downloader(DownloadSettings.defaults()
                    .withUrls(new io.desktopstarter.updater.policy.UrlPolicy(true)))) {
                assertThat(loopback.download(plain.url("/app.tar.gz"), BODY.length, dir.resolve("p.part"), progress::add,
                        () -> false)).isInstanceOf(DownloadOutcome.Completed.class);
            }
        }
    }
}
