package io.desktopstarter.staging.verify;

import java.util.ArrayList;
import java.util.List;

/** The differences between a staged tree and its manifest; empty lists mean the tree is intact. */
public record VerifyReport(int checked, List<String> missing, List<String> modified, List<String> extra) {
    public VerifyReport {
        missing = List.copyOf(missing);
        modified = List.copyOf(modified);
        extra = List.copyOf(extra);
    }

    public boolean intact() {
        return missing.isEmpty() && modified.isEmpty() && extra.isEmpty();
    }

    /** One line per problem, stable order, e.g. {@code modified: app/core.jar}. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        missing.forEach(p -> lines.add("missing: " + p));
        modified.forEach(p -> lines.add("modified: " + p));
        extra.forEach(p -> lines.add("extra: " + p));
        return lines;
    }
}
