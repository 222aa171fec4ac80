package io.desktopstarter.updater.download;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.contract.Platform;
import io.desktopstarter.updater.testing.TestPki;
import io.desktopstarter.updater.testing.UpdateServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A company CA installed the operating-system way is trusted for updates; without a readable system
 * store the runtime's cacerts are used, and those do not know a private CA.
 */
class SystemTrustTest {
    static final byte[] BODY = "update".repeat(1000).getBytes(StandardCharsets.UTF_8);
    static final TestPki pki = TestPki.shared();

    @TempDir
    Path tmp;
    UpdateServer server;

    @BeforeEach
    void start() throws Exception {
        server = UpdateServer.https(pki.serverContext()).put("/app.tar.gz", BODY);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCaInTheSystemBundleIsTrustedForUpdates() throws Exception {
        Path bundle = Files.writeString(tmp.resolve("ca-certificates.crt"), "# a CA bundle\n" + pki.caPem());

        SystemTrust.Anchors anchors = SystemTrust.load(Platform.Os.LINUX, List.of(tmp.resolve("missing.crt"), bundle));

        assertThat(anchors.source()).isEqualTo(bundle + " (1 certificates)");
        assertThat(download(anchors)).isInstanceOf(DownloadOutcome.Completed.class);
    }

    @Test
    void withoutAUsableBundleTheRuntimesCacertsAreUsedAndAPrivateCaIsNotTrusted() throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.pem"), "");
        Path garbage = Files.writeString(tmp.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

        SystemTrust.Anchors anchors = SystemTrust.load(Platform.Os.LINUX, List.of(tmp.resolve("missing.crt"), empty, garbage));

        assertThat(anchors.source()).startsWith("the runtime's cacerts");
        assertThat(download(anchors)).isInstanceOfSatisfying(DownloadOutcome.Failed.class,
                f -> assertThat(f.message()).contains("SSLHandshakeException"));
    }

    @Test
    void onThisMachineTheDistributionsBundleIsRead() {
        SystemTrust.Anchors anchors = SystemTrust.load();

        Path debian = SystemTrust.LINUX_BUNDLES.getFirst();
        if (Files.isReadable(debian)) {
            assertThat(anchors.source()).startsWith(debian.toString());
            assertThat(anchors.store()).isPresent();
        } else {
            assertThat(anchors.source()).doesNotStartWith(debian.toString());
        }
        assertThat(anchors.context().getProtocol()).isEqualTo("TLS");
    }

    DownloadOutcome download(SystemTrust.Anchors anchors) throws Exception {
        try (Downloader downloader = new Downloader(DownloadSettings.defaults().withTls(anchors.context()))) {
            return downloader.download(server.url("/app.tar.gz"), BODY.length, tmp.resolve("app.part"), p -> { }, () -> false);
        }
    }
}
