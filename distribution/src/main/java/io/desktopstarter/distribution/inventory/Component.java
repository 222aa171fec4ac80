package io.desktopstarter.distribution.inventory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One thing the package ships, as a module SBOM (cyclonedx-maven-plugin) describes it: kept as its CycloneDX JSON so
 * nothing the plugin wrote is lost, with the few fields the inventory reads.
 */
record Component(ObjectNode json) {
    String group() {
        return json.path("group").asText("");
    }

    String name() {
        return json.path("name").asText();
    }

    String version() {
        return json.path("version").asText("");
    }

    /** The package URL; what two module SBOMs listing the same jar agree on. */
    String purl() {
        return json.path("purl").asText(group() + ":" + name() + ":" + version());
    }

    Optional<String> classifier() {
        int at = purl().indexOf("classifier=");
        if (at < 0) {
            return Optional.empty();
        }
        String rest = purl().substring(at + "classifier=".length());
        int end = rest.indexOf('&');
        return Optional.of(end < 0 ? rest : rest.substring(0, end));
    }

    /** The file name Maven gives its jar: {@code name-version[-classifier].jar}. */
    String jarName() {
        return name() + "-" + version() + classifier().map(c -> "-" + c).orElse("") + ".jar";
    }

    /** How the notices name it: {@code group:name version}, and the classifier when there is one. */
    String label() {
        return (group().isEmpty() ? "" : group() + ":") + name() + " " + version() + classifier().map(c -> " (" + c + ")").orElse("");
    }

    /** Its licenses as a reader sees them: SPDX ids, else names, else expressions. */
    List<String> licenses() {
        List<String> names = new ArrayList<>();
        json.path("licenses").forEach(entry -> {
            if (entry.has("expression")) {
                names.add(entry.get("expression").asText());
            } else {
                String id = entry.path("license").path("id").asText("");
                names.add(id.isEmpty() ? entry.path("license").path("name").asText("") : id);
            }
        });
        names.removeIf(String::isBlank);
        return names;
    }

    /** Where its license is published, when the SBOM says. */
    Optional<String> licenseUrl() {
        for (var entry : json.path("licenses")) {
            String url = entry.path("license").path("url").asText("");
            if (!url.isEmpty()) {
                return Optional.of(url);
            }
        }
        return Optional.empty();
    }
}
