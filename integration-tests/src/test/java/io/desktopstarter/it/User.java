package io.desktopstarter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/**
 * A user on this machine: a home folder of their own, a login environment with nothing of the test's (no
 * {@code DESKTOP_STARTER_*} variable, no {@code JAVA_HOME}), and the portable tar.gz unpacked into their home.
 * Their app data is {@code <home>/.local/share/desktop-java-starter}, never the real user's.
 */
final class User {
    /** The display stand-in: the update's smoke start of the new version opens a (headless) JavaFX window. */
    static final String HEADLESS = "-Dglass.platform=Headless -Dprism.order=sw";
    final Path home;
    final Path install;
    private int runs;

    private User(Path home, Path install) {
        this.home = home;
        this.install = install;
    }

    /** Unpacks {@code archive} into {@code <home>/apps} with tar, as the README tells a user to. */
    static User installing(Path home, Path archive) throws Exception {
        return installing(home, archive, Releases.SHELL);
    }

    /** As {@link #installing(Path, Path)} for the tar.gz of {@code shell}. */
    static User installing(Path home, Path archive, String shell) throws Exception {
        Path apps = Files.createDirectories(home.resolve("apps"));
        Processes.Result tar = Processes.run(apps, Map.of("PATH", "/usr/bin:/bin"), home.resolve("logs/tar.log"), Duration.ofMinutes(2),
                List.of("tar", "-xzf", archive.toString()));
        assertThat(tar.exit()).as(tar.output()).isZero();
        return new User(home, apps.resolve("desktop-java-starter-" + shell));
    }

    /**
     * A desktop session's variables. XDG_DATA_HOME as every desktop session sets it: the JVM's {@code user.home} comes from
     * the password database, not {@code HOME}, so without it the app would use the real user's (root's) app data.
     */
    Map<String, String> environment() {
        return Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", home.toString(), "XDG_DATA_HOME",
                home.resolve(".local/share").toString());
    }

    /** The launcher at the top of the unpacked folder; it has the folder's name ({@code desktop-java-starter-<shell>}). */
    Path launcher() {
        return install.resolve(install.getFileName());
    }

    Path appData() {
        return home.resolve(".local/share/desktop-java-starter");
    }

    /** The app's launcher, as the user starts it from the unpacked folder. */
    Processes.Result launch(Duration timeout, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return Processes.run(home, environment(), home.resolve("logs/run-" + (++runs) + ".log"), timeout, command);
    }

    /** {@code --update [options] --yes}, with the headless display the new version's smoke start needs. */
    Processes.Result update(String... options) throws Exception {
        return Processes.run(home, environment(), home.resolve("logs/update-" + (++runs) + ".log"), Duration.ofMinutes(10),
                updateCommand(options));
    }

    /** The command line of {@link #update}, for a test that starts (and kills) it itself. */
    List<String> updateCommand(String... options) {
        List<String> command = new ArrayList<>(List.of("env", "JAVA_TOOL_OPTIONS=" + HEADLESS, launcher().toString(), "--update"));
        command.addAll(List.of(options));
        command.add("--yes");
        return command;
    }

    /** The installed app byte for byte as {@code before} ({@link TreeSnapshot}) and nothing left of a download. */
    void assertUntouched(SortedMap<String, String> before) throws IOException {
        assertThat(TreeSnapshot.of(install)).as("the installed app, byte for byte").isEqualTo(before);
        Path downloads = appData().resolve("updates/downloads");
        if (Files.exists(downloads)) {
            try (Stream<Path> left = Files.list(downloads)) {
                assertThat(left.toList()).as("nothing left of the download").isEmpty();
            }
        }
    }
}
