package io.desktopstarter.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.signing.macos.MacSigner;
import io.desktopstarter.signing.macos.MacSigningPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MacSigningPlanTest {
    static final Path APP = Path.of("Desktop Java Starter.app");
    static final Path ENT = Path.of("entitlements.plist");

    @Test
    void apiKeyWinsOverAppleIdAndKeychainProfileAndSecretsStayOutOfTheText() {
        Map<String, String> env = Map.of("CSC_LINK", Base64.getEncoder().encodeToString("p12 bytes".getBytes()),
                "CSC_KEY_PASSWORD", "s3cret-p12", "APPLE_API_KEY", "-----BEGIN PRIVATE KEY-----xyz",
                "APPLE_API_KEY_ID", "ABC123", "APPLE_API_ISSUER", "issuer-1", "APPLE_ID", "me@example.com",
                "APPLE_APP_SPECIFIC_PASSWORD", "app-pass-123", "APPLE_TEAM_ID", "TEAM1", "APPLE_KEYCHAIN_PROFILE", "prof");

        MacSigningPlan plan = MacSigningPlan.of(env, APP, ENT, List.of(Path.of("Contents/app/libsqlitejdbc.dylib")));
        String text = String.join("\n", plan.describe());

        assertThat(plan.signs()).isTrue();
        assertThat(plan.notarizes()).isTrue();
        assertThat(text).contains("notarization: ON via App Store Connect API key")
                .contains("--key-id ABC123").contains("libsqlitejdbc.dylib").contains("xcrun stapler staple")
                .doesNotContain("s3cret-p12").doesNotContain("app-pass-123").doesNotContain("BEGIN PRIVATE KEY")
                .doesNotContain(env.get("CSC_LINK"));
    }

    @Test
    void appleIdThenKeychainProfileInTheSeedsOrder() {
        MacSigningPlan appleId = MacSigningPlan.of(Map.of("CSC_NAME", "Dev", "APPLE_ID", "me@example.com",
                "APPLE_APP_SPECIFIC_PASSWORD", "pw", "APPLE_TEAM_ID", "T", "APPLE_KEYCHAIN_PROFILE", "p"), APP, ENT, List.of());
        MacSigningPlan profile = MacSigningPlan.of(Map.of("CSC_NAME", "Dev", "APPLE_KEYCHAIN_PROFILE", "p",
                "APPLE_KEYCHAIN", "/k"), APP, ENT, List.of());

        assertThat(appleId.notarizationCredentials()).startsWith("Apple ID");
        assertThat(String.join(" ", appleId.describe())).contains("--password <$APPLE_APP_SPECIFIC_PASSWORD>");
        assertThat(profile.notarizationCredentials()).startsWith("keychain profile");
        assertThat(String.join(" ", profile.describe())).contains("--keychain-profile p --keychain /k");
    }

    @Test
    void incompleteCredentialsSayWhatIsMissing() {
        MacSigningPlan none = MacSigningPlan.of(Map.of(), APP, ENT, List.of());
        MacSigningPlan partial = MacSigningPlan.of(Map.of("CSC_LINK", "/keys/dev.p12", "APPLE_API_KEY", "/k.p8"), APP, ENT, List.of());

        assertThat(none.describe()).contains(
                "codesign: OFF (no signing identity: set CSC_LINK (+ CSC_KEY_PASSWORD) or CSC_NAME)");
        assertThat(none.commands()).isEmpty();
        assertThat(partial.signingOffReason()).hasValue("CSC_LINK is set but CSC_KEY_PASSWORD is missing");
        assertThat(partial.notarizationOffReason().orElseThrow())
                .contains("APPLE_API_KEY set is missing APPLE_API_KEY_ID, APPLE_API_ISSUER");
    }

    @Test
    void executorSubstitutesSecretsOnlyWhenRunningAndCleansUp() throws Exception {
        Map<String, String> env = Map.of("CSC_LINK", Base64.getEncoder().encodeToString("p12 bytes".getBytes()),
                "CSC_KEY_PASSWORD", "s3cret-p12", "APPLE_ID", "me@example.com", "APPLE_APP_SPECIFIC_PASSWORD", "app-pass",
                "APPLE_TEAM_ID", "T");
        MacSigningPlan plan = MacSigningPlan.of(env, APP, ENT, List.of());
        List<List<String>> ran = new ArrayList<>();
        List<byte[]> p12 = new ArrayList<>();

        new MacSigner(env, command -> {
            ran.add(command);
            if (command.get(1).equals("import")) {
                p12.add(Files.readAllBytes(Path.of(command.get(2))));
            }
            return 0;
        }).execute(plan);

        assertThat(ran).anyMatch(c -> c.contains("s3cret-p12")).anyMatch(c -> c.contains("app-pass"));
        assertThat(p12).singleElement().isEqualTo("p12 bytes".getBytes());
        String importedFrom = ran.stream().filter(c -> c.get(1).equals("import")).findFirst().orElseThrow().get(2);
        assertThat(Path.of(importedFrom)).doesNotExist();
        assertThat(ran).noneMatch(c -> String.join(" ", c).contains("<$"));
    }

    @Test
    void aFailingStepStopsTheRunAndNamesTheRedactedCommand() {
        MacSigningPlan plan = MacSigningPlan.of(Map.of("CSC_NAME", "Dev"), APP, ENT, List.of());

        assertThatThrownBy(() -> new MacSigner(Map.of(), c -> 1).execute(plan))
                .hasMessageContaining("step failed with exit code 1: codesign --force");
    }
}
