package io.desktopstarter.updater.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.kit.UpdateKit;
import io.desktopstarter.updater.policy.FeedPolicy;
import io.desktopstarter.updater.policy.RejectionCode;
import io.desktopstarter.updater.policy.UrlPolicy;
import io.desktopstarter.updater.store.TrustState;
import io.desktopstarter.updater.store.UpdateStore;
import io.desktopstarter.updater.testing.Release;
import io.desktopstarter.updater.testing.Release.Listed;
import io.desktopstarter.updater.testing.RejectionAssert;
import io.desktopstarter.updater.testing.Snapshot;
import io.desktopstarter.updater.testing.TestSigner;
import io.desktopstarter.updater.testing.TrustFiles;
import io.desktopstarter.updater.trust.AcceptedKeyList;
import io.desktopstarter.updater.trust.SignedDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the updater remembers across checks (D-030): key rotations of any number of steps, permanent
 * revocations, the newest authentic feed whatever its version, a damaged state file, and two
 * checks at once. Every check goes through a new {@link UpdateCheck} on the same app-data folder,
 * as separate app starts would; the built-in key is OLD.
 */
class TrustHistoryTest {
    static final byte[] ARTIFACT = "release bytes ".repeat(2000).getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;
    Path appData;
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    int kits;
    final TestSigner old = new TestSigner();
    final TestSigner neu = new TestSigner();

    @BeforeEach
    void setUp() throws Exception {
        appData = Files.createDirectories(tmp.resolve("app-data"));
    }

    @Test
    void theFiveStepsOfTheReport() throws Exception {
        acceptRotation();

        assertRejected(kit("2.4.0", "2026-11-14", old), RejectionCode.REVOKED_KEY);

        assertAccepted(kit("2.4.0", "2026-11-15", neu), "2.4.0");

        Path replayed = kit("2.5.0", "2026-11-16", neu);
        Release.writeKeyList(replayed, old, "2026-11-10T00:00:00Z", Listed.trusted(neu), Listed.trusted(old));
        assertRejected(replayed, RejectionCode.REVOKED_KEY);

        Path olderByNew = kit("2.5.0", "2026-11-16", neu);
        Release.writeKeyList(olderByNew, neu, "2026-11-11T00:00:00Z", Listed.trusted(neu), Listed.trusted(old));
        assertRejected(olderByNew, RejectionCode.STALE_FEED);

        Path sameDateOtherList = kit("2.5.0", "2026-11-16", neu);
        Release.writeKeyList(sameDateOtherList, neu, "2026-11-12T00:00:00Z", Listed.trusted(neu), Listed.trusted(old));
        assertRejected(sameDateOtherList, RejectionCode.STALE_FEED);

        assertThat(TrustFiles.state(appData).keyLists()).hasSize(2);
        assertAccepted(kit("2.5.0", "2026-11-16", neu), "2.5.0");
    }

    @Test
    void aLaterListCannotUnRevokeAKey() throws Exception {
        Path revoking = kit("2.1.0", "2026-11-11", neu);
        Release.writeKeyList(revoking, old, "2026-11-10T00:00:00Z", Listed.trusted(neu), Listed.revoked(old));
        assertAccepted(revoking, "2.1.0");
        assertRejected(kit("2.2.0", "2026-11-12", old), RejectionCode.REVOKED_KEY);

        Path unRevoking = kit("2.2.0", "2026-11-14", neu);
        Release.writeKeyList(unRevoking, neu, "2026-11-13T00:00:00Z", Listed.trusted(neu), Listed.trusted(old));
        assertAccepted(unRevoking, "2.2.0");

        assertRejected(kit("2.3.0", "2026-11-15", old), RejectionCode.REVOKED_KEY);
        assertAccepted(kit("2.3.0", "2026-11-16", neu), "2.3.0");
    }

    @Test
    void rotationsOfFourStepsEachRevokingTheKeyBefore() throws Exception {
        List<TestSigner> keys = List.of(old, new TestSigner(), new TestSigner(), new TestSigner(), new TestSigner());
        for (int step = 1; step < keys.size(); step++) {
            TestSigner next = keys.get(step);
            Path kit = kit("2." + step + ".0", "2026-11-" + (10 + 2 * step), next);
            Release.writeKeyList(kit, keys.get(step - 1), "2026-11-" + (9 + 2 * step) + "T00:00:00Z",
                    Listed.trusted(next), Listed.revoked(keys.get(step - 1)));
            assertAccepted(kit, "2." + step + ".0");
        }
        assertThat(TrustFiles.state(appData).keyLists()).hasSize(4);
        for (int step = 0; step < keys.size() - 1; step++) {
            assertRejected(kit("3.0.0", "2026-11-20", keys.get(step)), RejectionCode.REVOKED_KEY);
        }
        assertAccepted(kit("3.0.0", "2026-11-21", keys.getLast()), "3.0.0");
    }

    @Test
    void aListSignedByAKeyThatHasSinceExpiredKeepsItsEffect() throws Exception {
        TestSigner mid = new TestSigner();
        Path first = kit("2.1.0", "2026-11-11", mid);
        Release.writeKeyList(first, old, "2026-11-10T00:00:00Z", new Listed(mid, "2026-12-01T00:00:00Z", false),
                Listed.revoked(old));
        assertAccepted(first, "2.1.0");
        Path second = kit("2.2.0", "2026-11-13", neu);
        Release.writeKeyList(second, mid, "2026-11-12T00:00:00Z", Listed.trusted(neu));
        assertAccepted(second, "2.2.0");

        now = Instant.parse("2026-12-05T00:00:00Z");
        Path afterExpiry = kit("2.3.0", "2026-12-04", neu);
        Files.copy(second.resolve("keys.json"), afterExpiry.resolve("keys.json"));
        Files.copy(second.resolve("keys.json.minisig"), afterExpiry.resolve("keys.json.minisig"));
        assertAccepted(afterExpiry, "2.3.0");

        assertRejected(kit("2.4.0", "2026-12-04", mid), RejectionCode.UNTRUSTED_KEY);
        Path newListByExpiredKey = kit("2.4.0", "2026-12-04", neu);
        Release.writeKeyList(newListByExpiredKey, mid, "2026-12-03T00:00:00Z", Listed.trusted(neu), Listed.trusted(mid));
        assertRejected(newListByExpiredKey, RejectionCode.UNTRUSTED_KEY);
    }

    @Test
    void everyAuthenticFeedIsRememberedWhateverTheVersionDecision() throws Exception {
        Path newer = kit("2.0.0", "2026-11-20", old);
        assertThat(check(newer, "1.0.0").decision()).isInstanceOf(io.desktopstarter.updater.policy.UpdateDecision.Available.class);
        assertThat(TrustFiles.newestFeed(appData)).contains(Instant.parse("2026-11-20T00:00:00Z"));

        Path olderButAuthentic = kit("1.5.0", "2026-11-10", old);
        RejectionAssert.assertRejected(check(olderButAuthentic, "1.0.0").decision(), RejectionCode.STALE_FEED);

        assertThat(check(kit("0.9.0", "2026-11-21", old), "1.0.0").decision())
                .isInstanceOf(io.desktopstarter.updater.policy.UpdateDecision.Rejected.class);
        assertThat(TrustFiles.newestFeed(appData)).as("a not-newer feed is still authentic")
                .contains(Instant.parse("2026-11-21T00:00:00Z"));
    }

    @Test
    void aTruncatedStateKeepsUpdatesOffWithTheReasonAndChangesNothing() throws Exception {
        acceptRotation();
        Path file = new UpdateStore(appData).stateFile();
        byte[] full = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(full, full.length / 2));
        Map<String, String> before = Snapshot.of(appData);

        assertThatThrownBy(() -> verify(kit("2.3.0", "2026-11-20", neu))).isInstanceOf(TrustStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON")
                .hasMessageContaining("Updates stay off");
        assertThat(Snapshot.of(appData)).isEqualTo(before);
    }

    @Test
    void anEditedStateFailsItsIntegrityCheck() throws Exception {
        acceptRotation();
        Path file = new UpdateStore(appData).stateFile();
        Files.writeString(file, Files.readString(file).replace("2026-11-13T00:00:00Z", "2026-01-01T00:00:00Z"));

        assertThatThrownBy(() -> verify(kit("2.3.0", "2026-11-12", neu))).isInstanceOf(TrustStateException.class)
                .hasMessageContaining("fails its integrity check");
    }

    @Test
    void aForgedKeyListWithARecomputedChecksumDoesNotVerify() throws Exception {
        acceptRotation();
        TestSigner attacker = new TestSigner();
        Path forged = Files.createDirectories(tmp.resolve("forged"));
        Release.writeKeyList(forged, attacker, "2026-11-22T00:00:00Z", Listed.trusted(attacker));
        TrustState state = TrustFiles.state(appData).withKeyList(new AcceptedKeyList(new SignedDocument(
                Files.readAllBytes(forged.resolve("keys.json")), Files.readString(forged.resolve("keys.json.minisig"))), now));
        new UpdateStore(appData).save(state);

        assertThatThrownBy(() -> verify(kit("2.3.0", "2026-11-23", attacker))).isInstanceOf(TrustStateException.class)
                .hasMessageContaining("key list 3 of 3").hasMessageContaining("no longer verifies");
    }

    @Test
    void aDamagedStateIsRebuiltOnlyFromAListABuiltInKeySigned() throws Exception {
        acceptRotation();
        Path file = new UpdateStore(appData).stateFile();
        Files.writeString(file, "{ \"schema\": 1, \"sta");

        Path byRotatedKey = kit("2.3.0", "2026-11-20", neu);
        Release.writeKeyList(byRotatedKey, neu, "2026-11-19T00:00:00Z", Listed.trusted(neu));
        assertThatThrownBy(() -> verify(byRotatedKey)).isInstanceOf(TrustStateException.class);

        Path byBuiltInKey = kit("2.3.0", "2026-11-20", neu);
        Release.writeKeyList(byBuiltInKey, old, "2026-11-19T00:00:00Z", Listed.trusted(neu));
        assertAccepted(byBuiltInKey, "2.3.0");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the damaged file is kept for diagnosis")
                    .anyMatch(name -> name.startsWith("trust.json.damaged-"));
        }
        assertThat(TrustFiles.state(appData).keyLists()).hasSize(1);
    }

    @Test
    void twoAppInstancesCheckingAtOnceLoseNoUpdate() throws Exception {
        int instances = 6;
        for (int round = 0; round < 15; round++) {
            appData = Files.createDirectories(tmp.resolve("round-" + round));
            List<Path> kits = new ArrayList<>();
            Path rotation = kit("2.9.0", "2026-11-20", neu);
            Release.writeKeyList(rotation, old, "2026-11-09T00:00:00Z", Listed.trusted(neu));
            kits.add(rotation);
            for (int i = 1; i < instances; i++) {
                kits.add(kit("2." + i + ".0", "2026-11-" + (10 + i), old));
            }
            CyclicBarrier start = new CyclicBarrier(instances);
            try (ExecutorService pool = Executors.newFixedThreadPool(instances)) {
                List<Future<UpdateKit.Verdict>> verdicts = new ArrayList<>();
                for (Path kit : kits) {
                    verdicts.add(pool.submit(() -> {
                        start.await();
                        return verify(kit);
                    }));
                }
                for (Future<UpdateKit.Verdict> verdict : verdicts) {
                    assertThat(verdict.get()).isInstanceOfAny(UpdateKit.Verdict.Accepted.class, UpdateKit.Verdict.Rejected.class);
                }
            }
            TrustState state = TrustFiles.state(appData);
            assertThat(state.newestFeed()).as("round " + round).contains(Instant.parse("2026-11-20T00:00:00Z"));
            assertThat(state.keyLists()).as("round " + round + ": the rotation is kept").hasSize(1);
        }
    }

    @Test
    void aClockYearsBehindSaysTheFeedIsFromTheFutureAndRemembersNothing() throws Exception {
        Path kit = kit("2.0.0", "2026-11-20", old);
        Release.writeKeyList(kit, old, "2026-11-19T00:00:00Z", Listed.trusted(neu));
        now = Instant.parse("2021-11-23T12:00:00Z");

        assertThat(RejectionAssert.assertRejected(verify(kit), RejectionCode.FUTURE_FEED)).satisfies(r -> {
            assertThat(r.detail()).contains("correct the date and time settings");
        });
        Files.delete(kit.resolve("keys.json"));
        Files.delete(kit.resolve("keys.json.minisig"));
        assertRejected(kit, RejectionCode.FUTURE_FEED);

        now = Instant.parse("2026-11-21T12:00:00Z");
        assertAccepted(kit, "2.0.0");
    }

    @Test
    void aClockYearsAheadSaysTheFeedExpiredAndHowToTell() throws Exception {
        Path kit = tmp.resolve("kit-expiring");
        Release.write(kit, old, "2.0.0", ARTIFACT, "https://updates.example.com/", f -> f.put("expires", "2027-01-01T00:00:00Z"));
        now = Instant.parse("2031-11-23T12:00:00Z");

        assertThat(RejectionAssert.assertRejected(verify(kit), RejectionCode.EXPIRED)).satisfies(r -> {
            assertThat(r.detail()).contains("this computer's clock says 2031-11-23");
        });
        assertThat(Files.exists(new UpdateStore(appData).stateFile())).isFalse();
    }

    /** OLD → NEW, then NEW revokes OLD: two accepted lists. */
    void acceptRotation() throws Exception {
        Path step1 = kit("2.1.0", "2026-11-11", neu);
        Release.writeKeyList(step1, old, "2026-11-10T00:00:00Z", Listed.trusted(neu));
        assertAccepted(step1, "2.1.0");
        Path step2 = kit("2.2.0", "2026-11-13", neu);
        Release.writeKeyList(step2, neu, "2026-11-12T00:00:00Z", Listed.trusted(neu), Listed.revoked(old));
        assertAccepted(step2, "2.2.0");
    }

    /** A kit offering {@code version}, published on {@code day}, feed and artifact signed by {@code signer}. */
    Path kit(String version, String day, TestSigner signer) throws Exception {
        Path dir = tmp.resolve("kit-" + (++kits));
        Release.write(dir, signer, version, ARTIFACT, "https://updates.example.com/",
                f -> f.put("pub_date", day + "T00:00:00Z"));
        return dir;
    }

    UpdateCheck checker() {
        return new UpdateCheck(List.of(old.publicKey()), UrlPolicy.HTTPS_ONLY, Optional.of(new UpdateStore(appData)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    static FeedPolicy.Installation installed(String version) throws Exception {
        return new FeedPolicy.Installation("desktop-java-starter", Optional.of("javafx"), SemanticVersion.parse(version),
                PlatformKey.parse(Release.PLATFORM));
    }

    UpdateCheck.Result check(Path kit, String installedVersion) throws Exception {
        return checker().check(UpdateKit.readFeedFile(kit.resolve("latest.json")), installed(installedVersion));
    }

    UpdateKit.Verdict verify(Path kit) throws Exception {
        return UpdateKit.verify(kit, checker(), installed("1.0.0"), Clock.fixed(now, ZoneId.of("UTC")));
    }

    void assertAccepted(Path kit, String version) throws Exception {
        assertThat(verify(kit)).isInstanceOfSatisfying(UpdateKit.Verdict.Accepted.class,
                a -> assertThat(a.version()).isEqualTo(version));
    }

    void assertRejected(Path kit, RejectionCode code) throws Exception {
        Map<String, String> before = Snapshot.of(appData);
        RejectionAssert.assertRejected(verify(kit), code);
        assertThat(Snapshot.of(appData)).as("a refused feed or key list writes nothing").isEqualTo(before);
    }
}
