package io.desktopstarter.updater.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.testing.Release;
import io.desktopstarter.updater.testing.TestSigner;
import io.desktopstarter.updater.trust.KeyRing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random mutations (flips, insertions, deletions, truncations, duplications) of a valid signed feed
 * and of its signature are never accepted. The one kind of change a signature cannot see — the
 * untrusted comment line and whitespace around base64 — may pass, but only when the signature still
 * decodes to exactly the original one. Seeds are fixed so a failure reproduces.
 */
class MutationFuzzTest {
    static final int ROUNDS = 3000;
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    TestSigner signer = new TestSigner();
    byte[] feed;
    String signature;
    FeedPolicy policy;
    FeedPolicy.Installation installation;

    @BeforeEach
    void setUp() throws Exception {
        feed = Release.JSON.writeValueAsBytes(Release.feed("1.1.0", "https://u.example/a.tar.gz", new byte[] {1, 2, 3},
                signer.sign(new byte[] {1, 2, 3})));
        signature = signer.sign(feed);
        policy = new FeedPolicy(KeyRing.of(List.of(signer.publicKey())), UrlPolicy.HTTPS_ONLY);
        installation = new FeedPolicy.Installation("desktop-java-starter", Optional.empty(), SemanticVersion.parse("1.0.0"),
                PlatformKey.parse(Release.PLATFORM));
        assertThat(decide(feed, signature)).isInstanceOf(UpdateDecision.Available.class);
    }

    UpdateDecision decide(byte[] json, String sig) {
        return policy.evaluate(json, Optional.of(sig), installation, NOW, Optional.empty());
    }

    @Test
    void mutatedFeedsAreNeverAccepted() {
        Random random = new Random(20261123);
        for (int i = 0; i < ROUNDS; i++) {
            byte[] mutated = mutate(feed, random);
            if (Arrays.equals(mutated, feed)) {
                continue;
            }
            assertThat(decide(mutated, signature)).as("mutation %d", i).isInstanceOf(UpdateDecision.Rejected.class);
        }
    }

    @Test
    void mutatedSignaturesAreNeverAcceptedUnlessTheyDecodeToTheOriginal() throws Exception {
        Random random = new Random(11232026);
        MinisignSignature original = MinisignSignature.parse(signature);
        byte[] bytes = signature.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < ROUNDS; i++) {
            String mutated = new String(mutate(bytes, random), StandardCharsets.ISO_8859_1);
            UpdateDecision decision = decide(feed, mutated);
            if (!(decision instanceof UpdateDecision.Rejected)) {
                MinisignSignature parsed = MinisignSignature.parse(mutated);
                assertThat(parsed.keyId()).as("mutation %d", i).isEqualTo(original.keyId());
                assertThat(parsed.signature()).isEqualTo(original.signature());
                assertThat(parsed.trustedComment()).isEqualTo(original.trustedComment());
                assertThat(parsed.globalSignature()).isEqualTo(original.globalSignature());
            }
        }
    }

    @Test
    void mutatedSignaturesNeverThrowAnythingButFormatErrors() {
        Random random = new Random(42);
        byte[] bytes = signature.getBytes(StandardCharsets.UTF_8);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < ROUNDS; i++) {
            String mutated = new String(mutate(bytes, random), StandardCharsets.ISO_8859_1);
            Throwable thrown = catchThrowable(() -> MinisignSignature.parse(mutated));
            if (thrown == null) {
                parsed++;
            } else {
                // A clear format error, with a message, is the only acceptable answer to garbage.
                assertThat(thrown).as("mutation %d", i).isInstanceOf(MinisignFormatException.class);
                assertThat(thrown.getMessage()).as("mutation %d", i).isNotBlank();
                refused++;
            }
        }
        // Both outcomes occurred, so the mutations really reached the parser's checks.
        assertThat(refused).as("mutations refused").isPositive();
        assertThat(parsed).as("mutations still parsed (harmless edits)").isPositive();
    }

    static byte[] mutate(byte[] input, Random random) {
        byte[] out = input.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && out.length > 0; e++) {
            int at = random.nextInt(out.length);
            out = switch (random.nextInt(5)) {
                case 0 -> {
                    out[at] ^= (byte) (1 << random.nextInt(8));
                    yield out;
                }
                case 1 -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = (byte) " \n\"{}0aZ,:".charAt(random.nextInt(10));
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    yield longer;
                }
                case 2 -> {
                    byte[] shorter = new byte[out.length - 1];
                    System.arraycopy(out, 0, shorter, 0, at);
                    System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                    yield shorter;
                }
                case 3 -> Arrays.copyOf(out, at);
                default -> {
                    byte[] doubled = Arrays.copyOf(out, out.length + (out.length - at));
                    System.arraycopy(out, at, doubled, out.length, out.length - at);
                    yield doubled;
                }
            };
        }
        return out;
    }
}
