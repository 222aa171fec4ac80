package io.desktopstarter.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Writes each conformance case's outcome per shell to {@code <it.work>/../shell-comparison/conformance.tsv}
 * ({@code case<TAB>shell<TAB>passed|failed|skipped<TAB>detail}), which the comparison report reads.
 */
final class ConformanceLog implements TestWatcher {
    static Path file() {
        return Path.of(System.getProperty("it.work")).toAbsolutePath().normalize().resolveSibling("shell-comparison")
                .resolve("conformance.tsv");
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        write(context, "passed", "");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        write(context, "failed", String.valueOf(cause.getMessage()));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        write(context, "skipped", String.valueOf(cause.getMessage()));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        write(context, "skipped", reason.orElse(""));
    }

    private static synchronized void write(ExtensionContext context, String outcome, String detail) {
        String line = context.getRequiredTestMethod().getName() + "\t" + context.getDisplayName() + "\t" + outcome + "\t"
                + detail.replaceAll("\\s+", " ").strip() + "\n";
        try {
            Files.createDirectories(file().getParent());
            Files.writeString(file(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One case's outcome for one shell: passed, failed or skipped, and the failure's message. */
    record Outcome(String result, String detail) {
        /** The report's cell: "passed", or the result with its message. */
        String cell() {
            return result.equals("passed") ? result : result + ": " + detail;
        }
    }

    /** case → (shell → outcome), in the order the cases ran; the last run of a case counts. */
    static Map<String, Map<String, Outcome>> read() throws IOException {
        Map<String, Map<String, Outcome>> cases = new LinkedHashMap<>();
        if (!Files.exists(file())) {
            return cases;
        }
        List<String> lines = Files.readAllLines(file(), StandardCharsets.UTF_8);
        for (String line : lines) {
            String[] f = line.split("\t", 4);
            if (f.length == 4) {
                cases.computeIfAbsent(f[0], c -> new LinkedHashMap<>()).put(f[1], new Outcome(f[2], f[3]));
            }
        }
        return cases;
    }
}
