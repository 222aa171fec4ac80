package io.desktopstarter.staging.cli;

import io.desktopstarter.foundation.files.Trees;
import io.desktopstarter.staging.build.StageBuilder;
import io.desktopstarter.staging.build.StageException;
import io.desktopstarter.staging.build.StageRequest;
import io.desktopstarter.staging.manifest.ManifestException;
import io.desktopstarter.staging.manifest.Manifests;
import io.desktopstarter.staging.manifest.RuntimeManifest;
import io.desktopstarter.staging.verify.TreeVerifier;
import io.desktopstarter.staging.verify.VerifyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code desktop-starter-staging stage|verify}: thin front end over the staging library. */
@Command(name = "desktop-starter-staging", mixinStandardHelpOptions = true,
        description = "Stage the backend runtime and check staged trees.",
        subcommands = {StagingCli.Stage.class, StagingCli.Verify.class})
public final class StagingCli {
    /** Exit codes: 0 ok, 1 verification found differences, 2 bad input (manifest, arguments), 3 staging failed. */
    static final int MISMATCH = 1;
    static final int BAD_INPUT = 2;
    static final int FAILED = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new StagingCli()).execute(args);
    }

    @Command(name = "verify", description = "Check a staged tree against its runtime-manifest.json; "
            + "prints each missing, modified or extra file and exits 1 on any difference.")
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "the staged tree (the directory holding runtime-manifest.json)")
        Path dir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                RuntimeManifest manifest = Manifests.read(dir);
                VerifyReport report = TreeVerifier.verify(dir, manifest);
                report.lines().forEach(out::println);
                if (report.intact()) {
                    out.println("OK: " + report.checked() + " files match " + dir.resolve(RuntimeManifest.FILE_NAME));
                    return 0;
                }
                err.println("FAILED: " + report.lines().size() + " difference(s) in " + dir);
                return MISMATCH;
            } catch (ManifestException e) {
                err.println("error: " + e.getMessage());
                return BAD_INPUT;
            } catch (IOException e) {
                err.println("error: cannot read " + dir + ": " + e.getMessage());
                return BAD_INPUT;
            }
        }
    }

    @Command(name = "stage", description = "Build a staged backend tree: jlink runtime with its CDS archive, jars, manifest.")
    static final class Stage implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--app", required = true, description = "directory of backend jars, or a jar (repeatable)")
        List<Path> app = new ArrayList<>();

        @Option(names = "--main-jar", required = true, description = "file name prefix of the backend's main jar")
        String mainJar;

        @Option(names = "--main-class", required = true)
        String mainClass;

        @Option(names = "--output", required = true, description = "staged tree to (re)create")
        Path output;

        @Option(names = "--copy-to", description = "also copy the finished tree here (e.g. the repo's .stage/backend)")
        Path copyTo;

        @Option(names = "--app-id", defaultValue = "desktop-java-starter")
        String appId;

        @Option(names = "--version", required = true, description = "version recorded in the manifest")
        String version;

        @Option(names = "--created-at", required = true, description = "build timestamp (ISO-8601), e.g. project.build.outputTimestamp")
        String createdAt;

        @Option(names = "--compress", defaultValue = "off", description = "jlink --compress value (off, zip-0 … zip-9)")
        String compress;

        @Option(names = "--jvm-option", description = "extra JVM option for backend and worker (repeatable)")
        List<String> jvmOptions = new ArrayList<>();

        @Option(names = "--exclude-module", description = "JDK module to leave out although jdeps lists it (repeatable)")
        List<String> excludedModules = new ArrayList<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<String> options = new ArrayList<>(StageRequest.DEFAULT_JVM_OPTIONS);
            options.addAll(jvmOptions);
            try {
                StageRequest request = new StageRequest(appId, version, app, mainJar, mainClass, output,
                        Instant.parse(createdAt), compress, options, new java.util.HashSet<>(excludedModules));
                new StageBuilder(line -> {
                    out.println(line);
                    out.flush();
                }).stage(request);
                if (copyTo != null) {
                    Trees.copy(output, copyTo);
                    out.println("Copied to " + copyTo);
                }
                return 0;
            } catch (java.time.format.DateTimeParseException e) {
                err.println("error: --created-at must be an ISO-8601 instant such as 2026-11-23T00:00:00Z");
                return BAD_INPUT;
            } catch (StageException | IOException e) {
                err.println("error: staging failed: " + e.getMessage());
                return FAILED;
            }
        }
    }
}
