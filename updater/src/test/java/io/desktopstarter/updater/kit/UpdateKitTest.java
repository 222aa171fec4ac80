package io.desktopstarter.updater.kit;

import static io.desktopstarter.updater.testing.RejectionAssert.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.flow.UpdateCheck;
import io.desktopstarter.updater.policy.FeedPolicy;
import io.desktopstarter.updater.policy.RejectionCode;
import io.desktopstarter.updater.policy.UrlPolicy;
import io.desktopstarter.updater.store.UpdateStore;
import io.desktopstarter.updater.testing.Release;
import io.desktopstarter.updater.testing.Snapshot;
import io.desktopstarter.updater.testing.TrustFiles;
import io.desktopstarter.updater.testing.TestSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rejection code, each produced by the one thing that is wrong with an otherwise valid kit,
 * each leaving the installed app byte-identical, and app-data too but for the updater's trust state,
 * which an authentic feed advances even when its update is then refused (D-030).
 */
class UpdateKitTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    static final byte[] ARTIFACT = "new release bytes ".repeat(5000).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    Path kit;
    Path appData;
    Path installed;
    TestSigner signer = new TestSigner();
    TestSigner stranger = new TestSigner();

    @BeforeEach
    void setUp() throws Exception {
        kit = tmp.resolve("kit");
        appData = Files.createDirectories(tmp.resolve("app-data"));
        Files.writeString(appData.resolve("app.sqlite3"), "the user's data");
        TrustFiles.seenFeed(appData, Instant.parse("2026-11-01T00:00:00Z"));
        installed = Files.createDirectories(tmp.resolve("app/versions/1.0.0/bin"));
        Files.writeString(installed.resolve("launcher"), "#!/bin/sh\n");
        Files.createSymbolicLink(tmp.resolve("app/current"), Path.of("versions/1.0.0"));
    }

    interface Breakage {
        void apply(UpdateKitTest t) throws Exception;
    }

    static Stream<Arguments> everyRejection() {
        return Stream.of(
                Arguments.of(RejectionCode.MALFORMED, (Breakage) t -> t.release(f -> Release.platform(f).put("size", "big"))),
                Arguments.of(RejectionCode.BAD_SIGNATURE, (Breakage) t -> {
                    t.release(f -> { });
                    Files.writeString(t.kit.resolve("latest.json"), Files.readString(t.kit.resolve("latest.json"))
                            .replace("Faster ponies.", "Faster ponies!"));
                }),
                Arguments.of(RejectionCode.BAD_SIGNATURE, (Breakage) t -> {
                    t.release(f -> { });
                    Files.delete(t.kit.resolve("latest.json.minisig"));
                }),
                Arguments.of(RejectionCode.UNTRUSTED_KEY, (Breakage) t -> {
                    ObjectNode feed = t.release(f -> { });
                    Release.resign(t.kit, t.stranger, feed);
                }),
                Arguments.of(RejectionCode.REVOKED_KEY, (Breakage) t -> {
                    ObjectNode feed = t.release(f -> { });
                    t.keyList(t.stranger, true);
                    Release.resign(t.kit, t.stranger, feed);
                }),
                Arguments.of(RejectionCode.NOT_NEWER, (Breakage) t -> t.release("0.9.0", f -> { })),
                Arguments.of(RejectionCode.NOT_NEWER, (Breakage) t -> t.release("1.0.0", f -> { })),
                Arguments.of(RejectionCode.MIN_VERSION, (Breakage) t -> t.release(f -> f.put("min_version", "1.0.5"))),
                Arguments.of(RejectionCode.EXPIRED, (Breakage) t -> t.release(f -> f.put("expires", "2026-11-22T00:00:00Z"))),
                Arguments.of(RejectionCode.STALE_FEED, (Breakage) t -> t.release(f -> f.put("pub_date", "2026-10-01T00:00:00Z"))),
                Arguments.of(RejectionCode.PLATFORM_MISSING, (Breakage) t -> t.release(f -> {
                    ObjectNode platforms = (ObjectNode) f.get("platforms");
                    platforms.set("linux-arm64-tar.gz", platforms.remove(Release.PLATFORM));
                })),
                Arguments.of(RejectionCode.INSECURE_URL, (Breakage) t -> t.release(f -> Release.platform(f)
                        .put("url", "http://updates.example.com/desktop-java-starter-javafx-linux-1.1.0-x64.tar.gz"))),
                Arguments.of(RejectionCode.SIZE_MISMATCH, (Breakage) t -> t.release(f -> Release.platform(f)
                        .put("size", ARTIFACT.length + 1))),
                Arguments.of(RejectionCode.HASH_MISMATCH, (Breakage) t -> t.release(f -> Release.platform(f)
                        .put("sha256", "0".repeat(64)))),
                Arguments.of(RejectionCode.ARTIFACT_SIGNATURE, (Breakage) t -> t.release(f -> Release.platform(f)
                        .put("signature", java.util.Base64.getEncoder().encodeToString(
                                t.signer.sign("other bytes".getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRejection")
    void eachBrokenRuleIsRejectedWithItsCodeAndChangesNothing(RejectionCode expected, Breakage breakage) throws Exception {
        breakage.apply(this);
        Map<String, String> appDataBefore = Snapshot.of(appData);
        Map<String, String> installedBefore = Snapshot.of(tmp.resolve("app"));

        UpdateKit.Verdict verdict = verify();

        assertRejected(verdict, expected);
        TrustFiles.assertChangedOnlyAsAllowed(expected, appData, appDataBefore, Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(Snapshot.of(tmp.resolve("app"))).isEqualTo(installedBefore);
    }

    @Test
    void aValidKitIsAcceptedAndItsFeedDateRemembered() throws Exception {
        release(f -> { });

        UpdateKit.Verdict verdict = verify();

        assertThat(verdict).isEqualTo(new UpdateKit.Verdict.Accepted("1.1.0", PlatformKey.parse(Release.PLATFORM),
                kit.resolve("desktop-java-starter-javafx-linux-1.1.0-x64.tar.gz")));
        assertThat(TrustFiles.newestFeed(appData)).contains(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void aKitUnpackedIntoAFolderIsFoundInsideIt() throws Exception {
        Path usb = tmp.resolve("usb");
        kit = usb.resolve("desktop-java-starter-javafx-linux-1.1.0-x64-update-kit");
        release(f -> { });

        assertThat(verify(usb)).isEqualTo(new UpdateKit.Verdict.Accepted("1.1.0", PlatformKey.parse(Release.PLATFORM),
                kit.resolve("desktop-java-starter-javafx-linux-1.1.0-x64.tar.gz")));
    }

    @Test
    void aFolderWithoutAKitSaysSo() throws Exception {
        Path usb = Files.createDirectories(tmp.resolve("usb/photos"));
        Files.createDirectories(tmp.resolve("usb/music"));
        Files.writeString(usb.resolve("latest.json"), "{}");

        assertThatThrownBy(() -> verify(tmp.resolve("usb"))).isInstanceOf(java.io.IOException.class)
                .hasMessage(tmp.resolve("usb") + " is not an update kit: it has no latest.json");
        assertThatThrownBy(() -> verify(tmp.resolve("nowhere"))).hasMessageEndingWith("nowhere is not a directory");
    }

    @Test
    void aFeedSignedByARotatedInKeyIsAccepted() throws Exception {
        ObjectNode feed = release(f -> { });
        keyList(stranger, false);
        Release.resign(kit, stranger, feed);
        Release.platform(feed).put("signature", java.util.Base64.getEncoder().encodeToString(
                stranger.sign(kit.resolve("desktop-java-starter-javafx-linux-1.1.0-x64.tar.gz")).getBytes(StandardCharsets.UTF_8)));
        Release.resign(kit, stranger, feed);

        assertThat(verify()).isInstanceOf(UpdateKit.Verdict.Accepted.class);
        assertThat(TrustFiles.state(appData).keyLists()).hasSize(1);
    }

    @Test
    void aRevocationCannotBeUndoneByAnOlderKeyList() throws Exception {
        ObjectNode feed = release(f -> { });
        keyList(stranger, true, "2026-11-15T00:00:00Z");
        Release.resign(kit, signer, feed);
        assertThat(verify()).isInstanceOf(UpdateKit.Verdict.Accepted.class);

        Path second = tmp.resolve("kit2");
        kit = second;
        ObjectNode next = Release.write(kit, signer, "1.2.0", ARTIFACT, "https://updates.example.com/", f -> f.put("pub_date",
                "2026-11-21T00:00:00Z"));
        keyList(stranger, false, "2026-11-10T00:00:00Z");
        Release.resign(kit, stranger, next);

        assertRejected(verify(), RejectionCode.STALE_FEED);
    }

    UpdateKit.Verdict verify() throws Exception {
        return verify(kit);
    }

    UpdateKit.Verdict verify(Path dir) throws Exception {
        UpdateCheck check = new UpdateCheck(List.of(signer.publicKey()), UrlPolicy.HTTPS_ONLY,
                Optional.of(new UpdateStore(appData)), NOW);
        return UpdateKit.verify(dir, check, new FeedPolicy.Installation("desktop-java-starter", Optional.of("javafx"),
                SemanticVersion.parse("1.0.0"), PlatformKey.parse(Release.PLATFORM)), NOW);
    }

    ObjectNode release(java.util.function.Consumer<ObjectNode> edit) throws Exception {
        return release("1.1.0", edit);
    }

    ObjectNode release(String version, java.util.function.Consumer<ObjectNode> edit) throws Exception {
        return Release.write(kit, signer, version, ARTIFACT, "https://updates.example.com/", edit);
    }

    void keyList(TestSigner listed, boolean revoked) throws Exception {
        keyList(listed, revoked, "2026-11-15T00:00:00Z");
    }

    /** keys.json listing {@code listed}, signed by the built-in key. */
    void keyList(TestSigner listed, boolean revoked, String pubDate) throws Exception {
        Release.writeKeyList(kit, signer, listed, revoked, pubDate);
    }
}
