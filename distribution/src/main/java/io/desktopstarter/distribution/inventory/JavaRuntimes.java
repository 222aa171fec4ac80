package io.desktopstarter.distribution.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.desktopstarter.distribution.tools.BuildException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** A jlinked Java runtime as an SBOM component, from the {@code release} file jlink writes into every image. */
final class JavaRuntimes {
    /** The SBOM property that says where a runtime's own notices are. */
    static final String NOTICES = "desktopstarter:notices";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JavaRuntimes() {
    }

    static ObjectNode component(Path runtime, String where, String license) throws BuildException, IOException {
        Map<String, String> release = release(runtime);
        String version = release.getOrDefault("JAVA_RUNTIME_VERSION", release.get("JAVA_VERSION"));
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "platform").put("bom-ref", "runtime:" + where);
        node.putObject("supplier").put("name", release.getOrDefault("IMPLEMENTOR", "OpenJDK"));
        node.put("name", "OpenJDK Runtime").put("version", version);
        node.put("description", "the Java runtime jlink made for " + where + " (modules: " + release.get("MODULES") + ")");
        node.putArray("licenses").addObject().put("expression", license);
        node.put("purl", "pkg:generic/openjdk@" + version);
        ArrayNode properties = node.putArray("properties");
        properties.addObject().put("name", "desktopstarter:location").put("value", where);
        properties.addObject().put("name", NOTICES).put("value", where + "/legal/");
        return node;
    }

    /** The {@code KEY="value"} lines of {@code release}. */
    static Map<String, String> release(Path runtime) throws BuildException, IOException {
        Path file = runtime.resolve("release");
        if (!Files.isRegularFile(file)) {
            throw new BuildException(runtime + " has no release file: not a jlinked Java runtime");
        }
        Map<String, String> values = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1).replaceAll("^\"|\"$", ""));
            }
        }
        if (!values.containsKey("JAVA_VERSION")) {
            throw new BuildException(file + " names no JAVA_VERSION");
        }
        return values;
    }
}
