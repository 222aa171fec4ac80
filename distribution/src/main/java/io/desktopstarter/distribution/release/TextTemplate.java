package io.desktopstarter.distribution.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text file from this jar with {@code ${name}} placeholders, so a manifest's format can be edited as the file it
 * becomes. Every placeholder must have a value: a template asking for one the code does not give fails the build
 * instead of publishing a literal {@code ${...}}.
 */
final class TextTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private TextTemplate() {
    }

    /** The resource next to this class, filled in. */
    static String render(String resource, Map<String, String> values) {
        String text;
        try (InputStream in = TextTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no template " + resource + " in the distribution jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fill(resource, text, values);
    }

    static String fill(String name, String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(name + " asks for ${" + m.group(1) + "}, which is not one of " + values.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
