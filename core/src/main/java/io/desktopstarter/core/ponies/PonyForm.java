package io.desktopstarter.core.ponies;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a user typed, as typed, plus the validation verdict. The same limits are mirrored
 * in the HTML ({@code required}, {@code maxlength}) for instant feedback; this class is the rule.
 */
public record PonyForm(String name, String status, String notes, Map<String, String> errors) {
    public static final int NAME_MAX = 80;
    public static final int NOTES_MAX = 500;

    public PonyForm {
        errors = Map.copyOf(errors);
    }

    public static PonyForm empty() {
        return new PonyForm("", PonyStatus.GRAZING.name(), "", Map.of());
    }

    public static PonyForm of(Pony pony) {
        return new PonyForm(pony.name(), pony.status().name(), pony.notes(), Map.of());
    }

    /** Reads and validates submitted fields; errors are keyed by field name. */
    public static PonyForm fromSubmission(Map<String, List<String>> fields) {
        String name = first(fields, "name").strip();
        String status = first(fields, "status").strip();
        String notes = first(fields, "notes").strip().replace("\r\n", "\n");
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isEmpty()) {
            errors.put("name", "Give the pony a name.");
        } else if (name.codePointCount(0, name.length()) > NAME_MAX) {
            errors.put("name", "Keep the name to " + NAME_MAX + " characters or fewer.");
        } else if (UnsafeText.contains(name, false)) {
            errors.put("name", "The name cannot contain control or text-direction characters.");
        }
        if (PonyStatus.parse(status).isEmpty()) {
            errors.put("status", "Pick one of the listed statuses.");
        }
        if (notes.codePointCount(0, notes.length()) > NOTES_MAX) {
            errors.put("notes", "Keep the notes to " + NOTES_MAX + " characters or fewer.");
        } else if (UnsafeText.contains(notes, true)) {
            errors.put("notes", "The notes cannot contain control or text-direction characters (line breaks are fine).");
        }
        return new PonyForm(name, status, notes, errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The draft when {@link #valid()}; empty otherwise. */
    public Optional<PonyDraft> draft() {
        return valid()
                ? Optional.of(new PonyDraft(name, PonyStatus.parse(status).orElseThrow(), notes))
                : Optional.empty();
    }

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }
}
