package io.desktopstarter.updater.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.contract.Platform;
import io.desktopstarter.updater.feed.SemanticVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where updates come from: built-in < administrator's mirror < the user's variable; "off" and bad policy files win. */
class UpdateSettingsTest {
    static final String BUILT_IN = "https://releases.example.com/latest-javafx.json";
    static final String MIRROR = "https://mirror.corp.example/latest-javafx.json";
    static final String USER = "https://user.example/latest-javafx.json";

    @TempDir
    Path tmp;

    UpdateSettings resolve(String version, AdminPolicy.Read admin, Map<String, String> env) throws Exception {
        return UpdateSettings.resolve(new UpdateSettings.App("javafx", SemanticVersion.parse(version), true,
                Optional.of(BUILT_IN)), admin, env);
    }

    AdminPolicy.Read policy(String text) throws Exception {
        Path file = tmp.resolve("updates.properties");
        Files.writeString(file, text);
        return AdminPolicy.read(file);
    }

    @Test
    void theBuiltInFeedIsUsedWhenNothingElseIsSet() throws Exception {
        UpdateSettings settings = resolve("1.0.0", new AdminPolicy.Read.Absent(tmp.resolve("none")), Map.of());

        assertThat(settings.feed()).contains(BUILT_IN);
        assertThat(settings.off()).isEmpty();
        assertThat(settings.describe()).isEqualTo("Updates from " + BUILT_IN + " (built into the app)");
    }

    @Test
    void anAdministratorsMirrorReplacesTheBuiltInFeedAndTheUserVariableReplacesBoth() throws Exception {
        Files.writeString(tmp.resolve("mirror-ca.pem"), "pem");
        AdminPolicy.Read admin = policy("feed = " + MIRROR + "\nca = mirror-ca.pem\n");

        UpdateSettings byAdmin = resolve("1.0.0", admin, Map.of());
        assertThat(byAdmin.feed()).contains(MIRROR);
        assertThat(byAdmin.extraCa()).contains(tmp.resolve("mirror-ca.pem"));
        assertThat(byAdmin.origin()).startsWith("administrator policy");

        UpdateSettings byUser = resolve("1.0.0", admin, Map.of(UpdateSettings.ENVIRONMENT, USER));
        assertThat(byUser.feed()).contains(USER);
        assertThat(byUser.origin()).isEqualTo(UpdateSettings.ENVIRONMENT);
    }

    @Test
    void aShellSpecificMirrorWinsForThatShell() throws Exception {
        AdminPolicy.Read admin = policy("feed = " + MIRROR + "\nfeed.swing = https://mirror.corp.example/latest-swing.json\n");

        assertThat(resolve("1.0.0", admin, Map.of()).feed()).contains(MIRROR);
        assertThat(UpdateSettings.resolve(new UpdateSettings.App("swing", SemanticVersion.parse("1.0.0"), true,
                Optional.of(BUILT_IN)), admin, Map.of()).feed()).contains("https://mirror.corp.example/latest-swing.json");
    }

    @Test
    void anAdministratorsOffWinsOverTheUserVariable() throws Exception {
        UpdateSettings settings = resolve("1.0.0", policy("updates = off\n"), Map.of(UpdateSettings.ENVIRONMENT, USER));

        assertThat(settings.feed()).isEmpty();
        assertThat(settings.off()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("your administrator turned updates off").contains("updates.properties"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"updates = maybe", "feed = http://mirror.corp.example/latest.json", "fead = https://typo.example/x.json",
            "ca = missing.pem", "feed.electron = https://mirror.corp.example/x.json", "feed = ftp://mirror/x.json"})
    void aBadPolicyFileKeepsUpdatesOffWithTheReasonEvenAgainstTheUserVariable(String line) throws Exception {
        UpdateSettings settings = resolve("1.0.0", policy(line + "\n"), Map.of(UpdateSettings.ENVIRONMENT, USER));

        assertThat(settings.feed()).isEmpty();
        assertThat(settings.off()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("the administrator's update policy " + tmp.resolve("updates.properties")).contains("stay off"));
    }

    @Test
    void aPolicyFileThatIsNotTextIsInvalidNotIgnored() throws Exception {
        Path file = Files.write(tmp.resolve("updates.properties"), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});

        assertThat(AdminPolicy.read(file)).isInstanceOfSatisfying(AdminPolicy.Read.Invalid.class,
                invalid -> assertThat(invalid.reason()).isEqualTo("is not UTF-8 text"));
    }

    @Test
    void aLocalMirrorFolderIsAllowedForAirGappedSites() throws Exception {
        assertThat(resolve("1.0.0", policy("feed = /srv/updates/latest-javafx.json\n"), Map.of()).feed())
                .contains("/srv/updates/latest-javafx.json");
    }

    @Test
    void aDevelopmentBuildHasUpdatesOffUnlessTheUserAsksForAFeed() throws Exception {
        AdminPolicy.Read none = new AdminPolicy.Read.Absent(tmp.resolve("none"));

        assertThat(resolve("1.1.0-SNAPSHOT", none, Map.of()).off()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("this is a development build (1.1.0-SNAPSHOT)"));
        assertThat(resolve("1.1.0-SNAPSHOT", none, Map.of(UpdateSettings.ENVIRONMENT, USER)).feed()).contains(USER);
    }

    @Test
    void withoutReleaseKeysOrAFeedUpdatesAreOffAndSayWhy() throws Exception {
        AdminPolicy.Read none = new AdminPolicy.Read.Absent(tmp.resolve("none"));
        assertThat(UpdateSettings.resolve(new UpdateSettings.App("javafx", SemanticVersion.parse("1.0.0"), false,
                Optional.of(BUILT_IN)), none, Map.of(UpdateSettings.ENVIRONMENT, USER)).off())
                .hasValueSatisfying(reason -> assertThat(reason).contains("no release public key"));
        assertThat(UpdateSettings.resolve(new UpdateSettings.App("javafx", SemanticVersion.parse("1.0.0"), true,
                Optional.empty()), none, Map.of()).off())
                .hasValueSatisfying(reason -> assertThat(reason).contains("-Drelease.feedUrl"));
    }

    @Test
    void thePolicyLivesWhereEachOsKeepsMachineSettingsUnlessTheBuildSaysOtherwise() {
        assertThat(AdminPolicy.location(Platform.Os.LINUX, Map.of(), Optional.empty()))
                .isEqualTo(Path.of("/etc/desktop-java-starter/updates.properties"));
        assertThat(AdminPolicy.location(Platform.Os.MACOS, Map.of(), Optional.empty()))
                .isEqualTo(Path.of("/Library/Application Support/desktop-java-starter/updates.properties"));
        assertThat(AdminPolicy.location(Platform.Os.WINDOWS, Map.of("ProgramData", "D:\\PD"), Optional.empty()).toString())
                .contains("desktop-java-starter").endsWith("updates.properties");
        assertThat(AdminPolicy.location(Platform.Os.LINUX, Map.of(), Optional.of("/opt/test/policy.properties")))
                .isEqualTo(Path.of("/opt/test/policy.properties"));
    }
}
