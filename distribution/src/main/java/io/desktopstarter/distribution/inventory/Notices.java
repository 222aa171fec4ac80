package io.desktopstarter.distribution.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The third-party notices: every component with its licenses, then the license and notice texts the components
 * themselves carry (each text once, with everyone who carries it), then those of the unpacked natives.
 */
final class Notices {
    /** License and notice files in a jar, at its root or under META-INF/. */
    private static final Pattern TEXT = Pattern.compile("(META-INF/)?(LICENSE|NOTICE|COPYING)[^/]*", Pattern.CASE_INSENSITIVE);

    private Notices() {
    }

    static String text(PackageInventory.Request request, Collection<Component> components, List<ObjectNode> runtimes,
            SortedMap<String, Path> shipped) throws IOException {
        StringBuilder out = new StringBuilder();
        String title = "Third-party notices for " + request.product() + " " + request.version();
        out.append(title).append('\n').append("=".repeat(title.length())).append("\n\n");
        out.append(request.product()).append(" itself is licensed under ").append(request.license())
                .append(". It ships the software below; ").append(PackageInventory.SBOM)
                .append(" beside this file lists the same in CycloneDX form.\n\n");
        out.append("Components\n----------\n");
        for (Component c : components) {
            out.append("- ").append(c.label()).append(" — ").append(String.join(" / ", c.licenses()))
                    .append(c.licenseUrl().map(url -> " <" + url + ">").orElse("")).append('\n');
        }
        for (ObjectNode runtime : runtimes) {
            out.append("- ").append(runtime.path("supplier").path("name").asText()).append(' ')
                    .append(runtime.path("name").asText()).append(' ').append(runtime.path("version").asText()).append(" — ")
                    .append(runtime.path("licenses").path(0).path("expression").asText())
                    .append("; the notices of each of its modules are in ")
                    .append(property(runtime, JavaRuntimes.NOTICES)).append('\n');
        }
        Map<String, List<String>> texts = new LinkedHashMap<>();
        for (Map.Entry<String, Path> jar : shipped.entrySet()) {
            jarTexts(jar.getValue(), jar.getKey(), texts);
        }
        for (Map.Entry<String, Path> file : request.licenseTexts().entrySet()) {
            texts.computeIfAbsent(normalized(Files.readAllBytes(file.getValue())), t -> new ArrayList<>()).add(file.getKey());
        }
        out.append("\nLicense and notice texts the components carry\n---------------------------------------------\n");
        for (Map.Entry<String, List<String>> text : texts.entrySet()) {
            out.append("\n== ").append(String.join(", ", text.getValue())).append(" ==\n\n").append(text.getKey())
                    .append('\n');
        }
        return out.toString();
    }

    private static String property(ObjectNode component, String name) {
        for (var property : component.path("properties")) {
            if (property.path("name").asText().equals(name)) {
                return property.path("value").asText();
            }
        }
        return "";
    }

    private static void jarTexts(Path jar, String owner, Map<String, List<String>> texts) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().filter(e -> !e.isDirectory() && TEXT.matcher(e.getName()).matches())
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry entry : entries) {
                try (InputStream in = zip.getInputStream(entry)) {
                    texts.computeIfAbsent(normalized(in.readAllBytes()), t -> new ArrayList<>())
                            .add(owner + ": " + entry.getName());
                }
            }
        }
    }

    /** The text as a reader compares it: line ends and surrounding blank lines do not make another license. */
    private static String normalized(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").strip();
    }
}
