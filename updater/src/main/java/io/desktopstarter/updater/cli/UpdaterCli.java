package io.desktopstarter.updater.cli;

import io.desktopstarter.foundation.cli.CliCommand;
import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.updater.download.DownloadException;
import io.desktopstarter.updater.download.DownloadSettings;
import io.desktopstarter.updater.download.Downloader;
import io.desktopstarter.updater.download.SystemTrust;
import io.desktopstarter.updater.feed.FeedFormatException;
import io.desktopstarter.updater.feed.PlatformKey;
import io.desktopstarter.updater.feed.SemanticVersion;
import io.desktopstarter.updater.flow.FeedSource;
import io.desktopstarter.updater.flow.UpdateCheck;
import io.desktopstarter.updater.flow.UpdaterSetup;
import io.desktopstarter.updater.kit.UpdateKit;
import io.desktopstarter.updater.policy.FeedPolicy;
import io.desktopstarter.updater.policy.Rejection;
import io.desktopstarter.updater.policy.UpdateDecision;
import io.desktopstarter.updater.policy.UrlPolicy;
import io.desktopstarter.updater.store.UpdateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code desktop-starter-updater check|verify-kit|make-kit}. Exit codes: 0 accepted (or up to date
 * for {@code check}), 1 rejected (one {@code REJECTED: <code> <detail>} line on stdout), 2 bad input
 * or a network failure.
 */
@Command(name = "desktop-starter-updater", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        description = "Checks signed update feeds and air-gapped update kits with the app's own rules.",
        subcommands = {UpdaterCli.Check.class, UpdaterCli.VerifyKit.class, UpdaterCli.MakeKit.class})
public final class UpdaterCli {
    static final int REJECTED = 1;

    public static void main(String[] args) {
        System.exit(new CommandLine(new UpdaterCli()).execute(args));
    }

    /** Adds the verdict line of a rejected update (exit 1) to the shared error handling. */
    abstract static class Base extends CliCommand {
        int rejected(Rejection rejection) {
            out().println(rejection.line());
            return REJECTED;
        }
    }

    /** What the app would know about itself, given on the command line. */
    static class Installation {
        @Option(names = "--public-key", required = true, paramLabel = "FILE",
                description = "Trusted release public key (minisign .pub); repeat for several.")
        List<Path> publicKeys = new ArrayList<>();

        @Option(names = "--installed", paramLabel = "VERSION", defaultValue = "0.0.0",
                description = "Installed version (default ${DEFAULT-VALUE}: anything newer is accepted).")
        String installed;

        @Option(names = "--app", defaultValue = "desktop-java-starter", description = "App id the feed must name.")
        String app;

        @Option(names = "--shell", description = "Shell the feed must name (javafx or swing); any if omitted.")
        String shell;

        @Option(names = "--app-data", paramLabel = "DIR",
                description = "App-data directory whose remembered trust state (newest feed date, accepted key lists) applies: read, and updated by every authentic feed.")
        Path appData;

        List<MinisignPublicKey> keys() throws IOException, MinisignFormatException {
            List<MinisignPublicKey> keys = new ArrayList<>();
            for (Path file : publicKeys) {
                keys.add(MinisignPublicKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
            }
            return keys;
        }

        FeedPolicy.Installation at(PlatformKey platform) throws FeedFormatException {
            return new FeedPolicy.Installation(app, Optional.ofNullable(shell), SemanticVersion.parse(installed), platform);
        }

        UpdateCheck check(UrlPolicy urls) throws IOException, MinisignFormatException {
            return new UpdateCheck(keys(), urls, Optional.ofNullable(appData).map(UpdateStore::new), Clock.systemUTC());
        }
    }

    @Command(name = "check", description = "Fetches a feed (URL or file) and prints what it means for this installation.")
    static final class Check extends Base {
        @Option(names = "--feed", required = true, paramLabel = "URL|FILE", description = "latest.json (its .minisig beside it).")
        String feed;

        @Option(names = "--platform", paramLabel = "KEY", description = "Platform key, e.g. linux-x64-deb (default: this machine, tar.gz/msi/dmg).")
        String platform;

        @Option(names = "--ca-file", paramLabel = "PEM", description = "Trust this CA certificate instead of the system trust store.")
        Path caFile;

        @Option(names = "--allow-http-loopback", description = "Allow plain http to 127.0.0.1 (tests only).")
        boolean allowHttpLoopback;

        @CommandLine.Mixin
        Installation installation = new Installation();

        @Override
        protected int run() throws IOException, MinisignFormatException, FeedFormatException, GeneralSecurityException {
            PlatformKey key = platform != null ? PlatformKey.parse(platform) : PlatformKey.current(UpdaterSetup.defaultFormat());
            UrlPolicy urls = new UrlPolicy(allowHttpLoopback);
            DownloadSettings settings = DownloadSettings.defaults().withUrls(urls);
            if (caFile != null) {
                settings = settings.withTls(SystemTrust.pemFile(caFile).context());
            }
            UpdateCheck.Documents documents;
            try (Downloader downloader = new Downloader(settings)) {
                documents = FeedSource.parse(feed).fetch(downloader);
            } catch (DownloadException e) {
                return switch (e) {
                    case DownloadException.Refused refused -> rejected(refused.rejection());
                    case DownloadException.Failed failed -> fail(failed.getMessage());
                };
            }
            UpdateCheck check = installation.check(urls);
            UpdateCheck.Result result = check.check(documents, installation.at(key));
            return switch (result.decision()) {
                case UpdateDecision.Rejected(Rejection rejection) -> rejected(rejection);
                case UpdateDecision.UpToDate upToDate -> {
                    out().println("UP-TO-DATE: " + upToDate.feed().version());
                    yield 0;
                }
                case UpdateDecision.Available available -> {
                    out().println("AVAILABLE: " + available.feed().version() + " " + available.platform() + " "
                            + available.entry().size() + " bytes " + available.entry().url());
                    yield 0;
                }
            };
        }
    }

    @Command(name = "verify-kit", description = "Checks an air-gapped update kit directory with every rule of the connected updater.")
    static final class VerifyKit extends Base {
        @Parameters(index = "0", paramLabel = "DIR", description = "Kit directory (latest.json, latest.json.minisig, the artifact), or the folder its tar was unpacked into.")
        Path dir;

        @Option(names = "--platform", paramLabel = "KEY",
                description = "Platform key (default: the one artifact in the kit for this machine's os and arch).")
        String platform;

        @CommandLine.Mixin
        Installation installation = new Installation();

        @Override
        protected int run() throws IOException, MinisignFormatException, FeedFormatException, GeneralSecurityException {
            PlatformKey key = platform != null ? PlatformKey.parse(platform) : KitPlatforms.guess(dir);
            UpdateKit.Verdict verdict = UpdateKit.verify(dir, installation.check(UrlPolicy.HTTPS_ONLY), installation.at(key),
                    Clock.systemUTC());
            return switch (verdict) {
                case UpdateKit.Verdict.Rejected(Rejection rejection) -> rejected(rejection);
                case UpdateKit.Verdict.Accepted accepted -> {
                    out().println("OK: " + accepted.version() + " " + accepted.platform() + " " + accepted.artifact());
                    yield 0;
                }
            };
        }
    }

    @Command(name = "make-kit", description = "Assembles an update kit from a release directory (feed, signatures, artifacts).")
    static final class MakeKit extends Base {
        @Option(names = "--release", required = true, paramLabel = "DIR", description = "Directory with latest.json, its .minisig and the artifacts.")
        Path release;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Kit directory to write.")
        Path out;

        @Option(names = "--platform", paramLabel = "KEY", description = "Only this platform's artifact; repeat for several (default: all present).")
        List<String> platforms = new ArrayList<>();

        @Override
        protected int run() throws IOException, MinisignFormatException, FeedFormatException, GeneralSecurityException {
            List<PlatformKey> keys = platforms.stream().map(PlatformKey::parse).toList();
            for (Path file : UpdateKit.make(release, out, keys)) {
                out().println("wrote " + file);
            }
            return 0;
        }
    }
}
