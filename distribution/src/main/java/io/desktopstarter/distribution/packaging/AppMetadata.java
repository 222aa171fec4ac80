package io.desktopstarter.distribution.packaging;

import java.util.ArrayList;
import java.util.List;

/**
 * What every package says about the app, whichever shell it carries: the distribution pom's {@code dist.*}
 * properties. {@code description} is one line under 80 characters (Debian's synopsis rules, no leading article,
 * suit every format); {@code longDescription} is a paragraph, wrapped here for the formats that want lines;
 * {@code license} is the SPDX id of the app's own license (the parent pom's {@code app.license}).
 */
public record AppMetadata(String id, String name, String vendor, String maintainer, String homepage, String description,
        String longDescription, String copyrightYear, String license) {
    /** Lines of at most 78 characters: under the 80 that Debian asks of the control file, with room for its leading space. */
    static final int WIDTH = 78;

    public AppMetadata {
        List<String> blank = new ArrayList<>();
        String[][] fields = {{"id", id}, {"name", name}, {"vendor", vendor}, {"maintainer", maintainer}, {"homepage", homepage},
                {"description", description}, {"longDescription", longDescription}, {"copyrightYear", copyrightYear},
                {"license", license}};
        for (String[] field : fields) {
            if (field[1] == null || field[1].isBlank()) {
                blank.add(field[0]);
            }
        }
        if (!blank.isEmpty()) {
            throw new IllegalArgumentException("the app metadata lacks " + blank + " (dist.* properties in distribution/pom.xml)");
        }
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("the app id names packages and folders: lower-case letters, digits and '-', not '" + id + "'");
        }
        if (description.length() >= 80 || description.contains("\n")) {
            throw new IllegalArgumentException("the description is one line under 80 characters, not: " + description);
        }
        longDescription = longDescription.strip().replaceAll("\\s+", " ");
    }

    /** The long description in lines of at most {@value #WIDTH} characters, broken between words. */
    public List<String> longDescriptionLines() {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : longDescription.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
