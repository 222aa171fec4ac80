package io.desktopstarter.staging.manifest;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code runtime-manifest.json}, schemaVersion 1: how to start the staged backend and what the
 * staged tree must contain. See DESIGN.md "Staged runtime contract".
 *
 * @param files      every staged file except the manifest: relative path ({@code /}-separated) → sha256 hex
 * @param aotCache   relative path of an AOT cache shipped in the tree (releases before D-055), or null: staging now
 *                   writes null and the launcher records the cache in app data
 */
public record RuntimeManifest(
        int schemaVersion,
        String appId,
        String version,
        String createdAt,
        CommandSpec backend,
        CommandSpec worker,
        String healthPath,
        ReadyLine readyLine,
        List<String> requiredEnv,
        List<String> jdkModules,
        String aotCache,
        SortedMap<String, String> files) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE_NAME = "runtime-manifest.json";

    /** The backend's first stdout line: a JSON object whose {@code event} is {@code ready} and {@code portField} holds the port. */
    public record ReadyLine(String format, String event, String portField) {
        public static final ReadyLine JSON = new ReadyLine("json", "ready", "port");
    }

    public RuntimeManifest {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(healthPath, "healthPath");
        readyLine = readyLine == null ? ReadyLine.JSON : readyLine;
        requiredEnv = List.copyOf(requiredEnv == null ? List.of() : requiredEnv);
        jdkModules = List.copyOf(jdkModules == null ? List.of() : jdkModules);
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files == null ? Map.of() : files));
    }
}
