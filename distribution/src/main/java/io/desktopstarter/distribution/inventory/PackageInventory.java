package io.desktopstarter.distribution.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.desktopstarter.contract.LauncherProperties;
import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.foundation.digest.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a package holds, for the people who receive it: a CycloneDX SBOM ({@value #SBOM}) and the third-party notices
 * ({@value #NOTICES}). Made from the module SBOMs the cyclonedx-maven-plugin wrote for the shell and the backend
 * (their Maven dependencies and licenses), checked against the jars the package really ships (each must be listed;
 * their SHA-256 is the shipped file's), plus the jlinked Java runtimes, which Maven does not see. Both files are
 * reproducible: sorted, no random serial number, the build's timestamp.
 */
public final class PackageInventory {
    public static final String SBOM = "sbom.cdx.json";
    public static final String NOTICES = LauncherProperties.NOTICES_FILE;
    /** The starter's own jars: the app's component covers them, whether a module SBOM lists them or not. */
    private static final String OWN_JAR_PREFIX = "desktop-starter-";
    private static final String JDK_LICENSE = "GPL-2.0-only WITH Classpath-exception-2.0";

    /**
     * What to describe.
     *
     * @param product      the package name, e.g. {@code desktop-java-starter-javafx}
     * @param license      the app's own SPDX license id
     * @param moduleBoms   the {@code target/bom.json} of each module whose class path ships
     * @param jars         every jar in the package
     * @param runtimes     each jlinked runtime folder and where it lies in the installed app
     * @param licenseTexts license files that come with unpacked natives (Chromium), by where they lie in the app
     */
    public record Request(String product, String version, String license, List<Path> moduleBoms, List<Path> jars,
            Map<String, Path> runtimes, Map<String, Path> licenseTexts, Instant time) {
        public Request {
            moduleBoms = List.copyOf(moduleBoms);
            jars = List.copyOf(jars);
            runtimes = new TreeMap<>(runtimes);
            licenseTexts = new TreeMap<>(licenseTexts);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PackageInventory() {
    }

    /** Writes both files into {@code folder}; returns how many components the SBOM lists. */
    public static int write(Request request, Path folder) throws BuildException, IOException {
        SortedMap<String, Component> components = new TreeMap<>();
        for (Path bom : request.moduleBoms()) {
            readModuleBom(bom, components);
        }
        SortedMap<String, Path> shipped = matchJars(request.jars(), components);
        List<String> unlicensed = components.values().stream().filter(c -> c.licenses().isEmpty()).map(Component::purl).toList();
        if (!unlicensed.isEmpty()) {
            throw new BuildException("no license known for " + unlicensed + ": the package cannot carry their notices");
        }
        List<ObjectNode> runtimes = new ArrayList<>();
        for (Map.Entry<String, Path> runtime : request.runtimes().entrySet()) {
            runtimes.add(JavaRuntimes.component(runtime.getValue(), runtime.getKey(), JDK_LICENSE));
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(SBOM), sbom(request, components.values(), runtimes) + "\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(NOTICES), Notices.text(request, components.values(), runtimes, shipped),
                StandardCharsets.UTF_8);
        return components.size() + runtimes.size();
    }

    private static void readModuleBom(Path file, SortedMap<String, Component> into) throws BuildException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new BuildException("no module SBOM at " + file + ": the cyclonedx-maven-plugin writes it in the module's "
                    + "package phase, and Maven skips it when offline (-o); build online");
        }
        JsonNode bom = JSON.readTree(file.toFile());
        if (!"CycloneDX".equals(bom.path("bomFormat").asText())) {
            throw new BuildException(file + " is not a CycloneDX SBOM");
        }
        List<JsonNode> listed = new ArrayList<>();
        listed.add(bom.path("metadata").path("component"));
        bom.path("components").forEach(listed::add);
        for (JsonNode node : listed) {
            if (node instanceof ObjectNode object && object.has("name")) {
                ObjectNode copy = object.deepCopy();
                copy.remove("bom-ref"); // the package SBOM names components by purl; module refs would clash
                Component component = new Component(copy);
                into.putIfAbsent(component.purl(), component);
            }
        }
    }

    /** Every shipped jar is a listed component (or one of the starter's own); the listing gets the shipped file's hash. */
    private static SortedMap<String, Path> matchJars(List<Path> jars, SortedMap<String, Component> components)
            throws BuildException, IOException {
        SortedMap<String, Path> shipped = new TreeMap<>();
        List<String> unlisted = new ArrayList<>();
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            Optional<Component> listed = components.values().stream().filter(c -> c.jarName().equals(name)).findFirst();
            if (listed.isPresent()) {
                ArrayNode hashes = JSON.createArrayNode();
                hashes.addObject().put("alg", "SHA-256").put("content", Sha256.hex(jar));
                listed.get().json().set("hashes", hashes);
                shipped.putIfAbsent(listed.get().label(), jar);
            } else if (!name.startsWith(OWN_JAR_PREFIX)) {
                unlisted.add(name);
            }
        }
        if (!unlisted.isEmpty()) {
            throw new BuildException("the package ships " + unlisted + ", which no module SBOM lists");
        }
        return shipped;
    }

    private static String sbom(Request request, Iterable<Component> components, List<ObjectNode> runtimes)
            throws IOException {
        ArrayNode list = JSON.createArrayNode();
        components.forEach(c -> list.add(c.json()));
        runtimes.forEach(list::add);
        ObjectNode root = JSON.createObjectNode();
        root.put("bomFormat", "CycloneDX").put("specVersion", "1.6");
        // Name-based: the same package contents give the same serial number, other contents another one.
        String identity = request.product() + "@" + request.version() + "\n" + JSON.writeValueAsString(list);
        root.put("serialNumber", "urn:uuid:" + UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)));
        root.put("version", 1);
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("timestamp", request.time().toString());
        ObjectNode app = metadata.putObject("component");
        app.put("type", "application").put("name", request.product()).put("version", request.version());
        app.putArray("licenses").addObject().putObject("license").put("id", request.license());
        root.set("components", list);
        return JSON.writeValueAsString(root);
    }
}
