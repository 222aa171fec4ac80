package io.desktopstarter.staging.verify;

import io.desktopstarter.foundation.digest.Sha256;
import io.desktopstarter.foundation.files.Trees;
import io.desktopstarter.staging.manifest.RuntimeManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks a staged tree against the digests in its manifest. */
public final class TreeVerifier {
    private TreeVerifier() {
    }

    public static VerifyReport verify(Path root, RuntimeManifest manifest) throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
            Path file = root.resolve(entry.getKey());
            if (Files.isSymbolicLink(file)) {
                modified.add(entry.getKey()); // staged trees hold plain files only; a link could point anywhere
            } else if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                missing.add(entry.getKey());
            } else if (!Sha256.hex(file).equals(entry.getValue())) {
                modified.add(entry.getKey());
            }
        }
        Set<String> extra = new TreeSet<>();
        try (var walk = Files.walk(root)) {
            walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> Trees.relative(root, p))
                    .filter(p -> !p.equals(RuntimeManifest.FILE_NAME) && !manifest.files().containsKey(p))
                    .forEach(extra::add);
        }
        return new VerifyReport(manifest.files().size(), missing, modified, new ArrayList<>(extra));
    }
}
