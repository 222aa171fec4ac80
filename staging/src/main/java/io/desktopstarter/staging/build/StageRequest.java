package io.desktopstarter.staging.build;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to stage.
 *
 * @param appSources  directories (their {@code *.jar}) and jars that make up the backend's class path
 * @param mainJar     file name prefix of the main jar among them, e.g. {@code desktop-starter-core}
 * @param mainClass   the backend entry point
 * @param output      the staged tree to (re)create
 * @param createdAt   build timestamp; also every staged file's modification time (reproducibility, AOT cache validation)
 * @param compress    jlink {@code --compress} value, or {@code off}
 * @param jvmOptions  extra JVM options for backend and worker
 * @param excludedModules JDK modules jdeps reports but the backend does not need (optional uses)
 */
public record StageRequest(
        String appId, String version, List<Path> appSources, String mainJar, String mainClass, Path output,
        Instant createdAt, String compress, List<String> jvmOptions, java.util.Set<String> excludedModules) {

    /**
     * JVM logging goes to stderr: by default its warnings (e.g. a rejected AOT cache) go to
     * stdout, which carries the ready line. Serial GC and C1 suit a small, short-lived-heap backend.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
            "-Xss512k", "--enable-native-access=ALL-UNNAMED");

    public StageRequest {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(version, "version");
        appSources = List.copyOf(appSources);
        Objects.requireNonNull(mainJar, "mainJar");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(createdAt, "createdAt");
        compress = compress == null ? "off" : compress;
        jvmOptions = List.copyOf(jvmOptions);
        excludedModules = java.util.Set.copyOf(excludedModules);
    }
}
