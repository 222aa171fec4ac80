package io.desktopstarter.updater.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.settings.AdminPolicy;
import io.desktopstarter.updater.settings.BuiltInFeed;
import io.desktopstarter.updater.testing.Release;
import io.desktopstarter.updater.testing.TestPki;
import io.desktopstarter.updater.testing.TestSigner;
import io.desktopstarter.updater.testing.UpdateServer;
import io.desktopstarter.updater.trust.BuiltInKeys;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app as the distribution builds it — release keys and feed URL as resources — reaching a real
 * HTTPS feed without any environment variable; an administrator's policy adds the mirror's CA to the
 * system store, or turns updates off.
 */
class UpdateSourcesTest {
    static final TestPki pki = TestPki.shared();

    @TempDir
    Path tmp;
    UpdateServer server;
    TestSigner signer = new TestSigner();
    ClassLoader app;

    @BeforeEach
    void publish() throws Exception {
        server = UpdateServer.https(pki.serverContext());
        Path release = tmp.resolve("release");
        Release.write(release, signer, "1.1.0", "bytes".repeat(100).getBytes(), server.url("/").toString(), f -> { });
        server.put("/latest-javafx.json", Files.readAllBytes(release.resolve("latest.json")))
                .put("/latest-javafx.json.minisig", Files.readAllBytes(release.resolve("latest.json.minisig")));
        Path resources = tmp.resolve("release-keys");
        Files.createDirectories(resources.resolve(BuiltInKeys.RESOURCE).getParent());
        Files.writeString(resources.resolve(BuiltInKeys.RESOURCE), signer.publicKey().toFileContent());
        Files.writeString(resources.resolve(BuiltInFeed.RESOURCE), BuiltInFeed.content(server.url("/latest-javafx.json").toString()));
        app = new URLClassLoader(new URL[] {resources.toUri().toURL()}, null);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    UpdateState check(AdminPolicy.Read policy) throws Exception {
        UpdateConfig config = UpdaterSetup.configure("javafx", "1.0.0", tmp.resolve("app-data"), Map.of(), policy,
                PlatformKey.parse(Release.PLATFORM), app);
        try (UpdateService service = new UpdateService(config, (file, version) -> null, s -> { }, Clock.systemUTC())) {
            return service.check().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theBuiltInFeedIsReachedThroughTheAdministratorsCaWithoutAnyVariable() throws Exception {
        Files.writeString(tmp.resolve("test-ca.pem"), pki.caPem());
        Files.writeString(tmp.resolve("updates.properties"), "ca = test-ca.pem\n");

        assertThat(check(AdminPolicy.read(tmp.resolve("updates.properties"))))
                .isEqualTo(new UpdateState.Available("1.1.0", "Faster ponies.", 500));
        assertThat(server.requests()).contains("GET /latest-javafx.json");
    }

    @Test
    void withoutTheCaTheSameFeedIsRefusedByTls() throws Exception {
        assertThat(check(new AdminPolicy.Read.Absent(tmp.resolve("none")))).isInstanceOfSatisfying(UpdateState.Failed.class,
                failed -> assertThat(failed.message()).containsIgnoringCase("certificate"));
    }

    @Test
    void anAdministratorsOffMeansNoRequestAtAll() throws Exception {
        Files.writeString(tmp.resolve("updates.properties"), "updates = off\n");

        assertThat(check(AdminPolicy.read(tmp.resolve("updates.properties")))).isInstanceOfSatisfying(
                UpdateState.NotConfigured.class, off -> assertThat(off.reason()).startsWith("your administrator turned updates off"));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aCaFileThatIsNotACertificateKeepsUpdatesOffAndSaysSo() throws Exception {
        Files.writeString(tmp.resolve("broken.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        Files.writeString(tmp.resolve("updates.properties"), "ca = broken.pem\n");

        assertThat(check(AdminPolicy.read(tmp.resolve("updates.properties")))).isInstanceOfSatisfying(
                UpdateState.NotConfigured.class, off -> assertThat(off.reason()).startsWith("the administrator's CA file cannot be used"));
        assertThat(server.requests()).isEmpty();
    }
}
