package io.desktopstarter.distribution.codesign;

import io.desktopstarter.distribution.tools.BuildException;
import io.desktopstarter.signing.authenticode.AuthenticodeSession;
import io.desktopstarter.signing.macos.MacSigner;
import io.desktopstarter.signing.macos.MacSigningPlan;
import io.desktopstarter.signing.preflight.NativeLibrary;
import io.desktopstarter.signing.preflight.NativeScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The OS's own code signatures, through the signing module, when the seed's credentials are in the
 * environment: Authenticode for the Windows launcher and installers ({@code WIN_CSC_LINK} …), codesign
 * with the hardened runtime and notarization for the macOS app ({@code CSC_LINK}, {@code APPLE_*} …).
 * Without them each step says in one line that it is off and why; nothing fails.
 */
public final class PlatformSigning {
    private final Map<String, String> env;
    private final Consumer<String> log;

    public PlatformSigning(Map<String, String> env, Consumer<String> log) {
        this.env = env;
        this.log = log;
    }

    /** Signs every .exe/.msi given (the image's launcher before packaging, the installers after). */
    public void authenticode(List<Path> files) throws IOException {
        Optional<AuthenticodeSession> opened = AuthenticodeSession.fromEnvironment(env, Optional.empty(), Optional.empty());
        if (opened.isEmpty()) {
            log.accept("Authenticode: OFF (WIN_CSC_LINK not set): " + names(files) + " stay unsigned");
            return;
        }
        try (AuthenticodeSession session = opened.get()) {
            for (Path file : files) {
                session.sign(file);
            }
            log.accept("Authenticode: signed " + names(files) + (session.timestamped() ? " (timestamped)" : " (NO timestamp)"));
        }
    }

    /** codesign (nested code first, then the bundle) and, with Apple credentials, notarize and staple. */
    public void macApp(Path app, Path work) throws BuildException, IOException {
        Path entitlements = work.resolve("entitlements.plist");
        try (InputStream in = PlatformSigning.class.getResourceAsStream("entitlements.plist")) {
            Files.createDirectories(work);
            Files.copy(in, entitlements, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        MacSigningPlan plan = MacSigningPlan.of(env, app, entitlements, nestedCode(app));
        plan.describe().stream().limit(2).forEach(line -> log.accept("macOS " + line));
        if (!plan.signs()) {
            return;
        }
        try {
            new MacSigner(env, MacSigner.processRunner()).execute(plan);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException("interrupted while signing " + app);
        }
    }

    /**
     * Mach-O files inside the bundle (found by header: the staged backend's {@code bin/java} has no
     * telling name), deepest first, so each is signed before what contains it. The bundle's own
     * launcher in {@code Contents/MacOS} is left to the bundle signature; libraries inside jars
     * cannot be signed in place.
     */
    static List<Path> nestedCode(Path app) throws IOException {
        Path mainExecutables = app.resolve("Contents/MacOS");
        List<Path> nested = new ArrayList<>();
        for (NativeLibrary library : NativeScanner.scan(List.of(app))) {
            boolean loose = !library.location().contains("!/");
            if (library.format() == NativeLibrary.Format.MACH_O && loose && !Path.of(library.location()).startsWith(mainExecutables)) {
                nested.add(Path.of(library.location()));
            }
        }
        nested.sort((a, b) -> Integer.compare(b.getNameCount(), a.getNameCount()));
        return nested;
    }

    private static String names(List<Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).toList().toString();
    }
}
