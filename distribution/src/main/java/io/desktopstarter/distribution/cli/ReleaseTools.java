package io.desktopstarter.distribution.cli;

import io.desktopstarter.distribution.publish.BuiltInReleaseKeys;
import io.desktopstarter.distribution.publish.PublishCheck;
import io.desktopstarter.distribution.publish.PublishException;
import io.desktopstarter.distribution.publish.ReleaseAssembly;
import io.desktopstarter.distribution.publish.ReleasePart;
import io.desktopstarter.distribution.release.ReleaseSigning;
import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.signing.keys.KeyFormatException;
import io.desktopstarter.signing.keys.WrongPasswordException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The release workflow's publish job: {@code merge} the OS jobs' builds into the files of one
 * release (one signed feed per shell), then {@code check} them before the draft is published.
 * Exit 0 done/clean, 1 refused (the reason is printed), 2 usage.
 */
@Command(name = "desktop-starter-release", mixinStandardHelpOptions = true,
        description = "Merges the OS jobs' builds into one release and checks it before publishing.",
        subcommands = {ReleaseTools.Merge.class, ReleaseTools.Check.class})
public final class ReleaseTools {
    public static void main(String[] args) {
        System.exit(new CommandLine(new ReleaseTools()).execute(args));
    }

    @Command(name = "merge", mixinStandardHelpOptions = true,
            description = "Copies every build's files into OUT and merges each shell's feed parts into latest-<shell>.json, signed "
                    + "once with DESKTOP_STARTER_SIGNING_KEY / DESKTOP_STARTER_SIGNING_PASSWORD.")
    static final class Merge implements Callable<Integer> {
        @Option(names = "--parts", required = true, description = "The downloaded builds (one folder each, with release.json).")
        Path parts;
        @Option(names = "--out", required = true, description = "Where the release's files go.") Path out;

        @Override
        public Integer call() throws IOException {
            try {
                List<ReleasePart> found = ReleasePart.find(parts);
                List<MinisignPublicKey> keys = BuiltInReleaseKeys.of(found);
                Optional<ReleaseSigning> signing = ReleaseSigning.fromEnvironment(System.getenv(), Clock.systemUTC());
                if (signing.isEmpty()) {
                    throw new PublishException(ReleaseSigning.KEY_ENV + " is not set: the merged feeds must be signed");
                }
                if (keys.stream().noneMatch(k -> k.keyIdHex().equals(signing.get().keyId()))) {
                    throw new PublishException("the signing key " + signing.get().keyId() + " is not built into the app; its users "
                            + "would reject the feed");
                }
                new ReleaseAssembly(keys, signing.get()).assemble(found, out).forEach(line -> System.out.println("[release] " + line));
                return 0;
            } catch (PublishException | KeyFormatException | WrongPasswordException e) {
                System.err.println("[release] REFUSED: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Checks the release's files before publishing; prints each problem, exit 0 only when there is none.")
    static final class Check implements Callable<Integer> {
        @Option(names = "--parts", required = true, description = "The downloaded builds the release was merged from.")
        Path parts;
        @Option(names = "--version", required = true, description = "The tag's version.") String version;
        @Option(names = "--shells", required = true, split = ",", description = "Shells the release must have, e.g. javafx,swing.")
        List<String> shells;
        @Parameters(index = "0", paramLabel = "ASSETS", description = "The release's files (merge --out).") Path assets;

        @Override
        public Integer call() throws IOException {
            try {
                List<ReleasePart> found = ReleasePart.find(parts);
                List<String> problems = new java.util.ArrayList<>(ReleaseCheck.check(parts).stream().map(p -> "MISSING: " + p).toList());
                problems.addAll(new PublishCheck(BuiltInReleaseKeys.of(found)).problems(assets, found, version,
                        new LinkedHashSet<>(shells)));
                problems.forEach(p -> System.out.println("[check] " + p));
                System.out.println(problems.isEmpty() ? "[check] release complete: publish"
                        : "[check] " + problems.size() + " problem(s): do not publish");
                return problems.isEmpty() ? 0 : 1;
            } catch (PublishException e) {
                System.out.println("[check] " + e.getMessage());
                System.out.println("[check] do not publish");
                return 1;
            }
        }
    }
}
