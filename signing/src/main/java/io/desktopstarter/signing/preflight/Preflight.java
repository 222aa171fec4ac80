package io.desktopstarter.signing.preflight;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Release checks before signing: certificates, and native libraries against the target OS and architecture. */
public final class Preflight {
    static final String CODE_SIGNING_EKU = "1.3.6.1.5.5.7.3.3";
    static final Duration WARN_BEFORE_EXPIRY = Duration.ofDays(30);

    private Preflight() {
    }

    /** What a preflight found, and its verdict: passed when nothing is {@link Finding.Level#FAIL}. */
    public record Report(String target, List<Finding> findings) {
        public Report {
            findings = List.copyOf(findings);
        }

        public long failures() {
            return findings.stream().filter(f -> f.level() == Finding.Level.FAIL).count();
        }

        public boolean passed() {
            return failures() == 0;
        }

        /** {@code preflight passed for linux-x64}, or how many problems it found. */
        public String summary() {
            return passed() ? "preflight passed for " + target : "preflight FAILED: " + failures() + " problem(s) for " + target;
        }
    }

    /**
     * The release checks for one target: the code-signing certificates in {@code keystore}, if given, then the native
     * libraries in {@code paths} (jars and directories) against {@code targetOs}-{@code targetArch}.
     */
    public static Report run(Optional<KeyStore> keystore, List<Path> paths, String targetOs, String targetArch, Clock clock)
            throws IOException, KeyStoreException {
        List<Finding> findings = new ArrayList<>();
        if (keystore.isPresent()) {
            findings.addAll(certificates(keystore.get(), clock));
        }
        findings.addAll(natives(NativeScanner.scan(paths), targetOs, targetArch));
        return new Report(targetOs + "-" + targetArch, findings);
    }

    /** Expiry (fail when expired, warn inside 30 days), digitalSignature key usage and the code-signing EKU. */
    public static List<Finding> certificates(KeyStore store, Clock clock) throws KeyStoreException {
        List<Finding> findings = new ArrayList<>();
        Instant now = clock.instant();
        for (String alias : Collections.list(store.aliases())) {
            if (!(store.getCertificate(alias) instanceof X509Certificate cert)) {
                continue;
            }
            String who = "certificate '" + alias + "' (" + cert.getSubjectX500Principal().getName() + ")";
            Instant notAfter = cert.getNotAfter().toInstant();
            if (now.isAfter(notAfter)) {
                findings.add(new Finding(Finding.Level.FAIL, who + " expired on " + notAfter));
            } else if (now.isBefore(cert.getNotBefore().toInstant())) {
                findings.add(new Finding(Finding.Level.FAIL, who + " is not valid before " + cert.getNotBefore().toInstant()));
            } else if (Duration.between(now, notAfter).compareTo(WARN_BEFORE_EXPIRY) < 0) {
                findings.add(new Finding(Finding.Level.WARN, who + " expires on " + notAfter + ", in "
                        + Duration.between(now, notAfter).toDays() + " days"));
            } else {
                findings.add(new Finding(Finding.Level.INFO, who + " valid until " + notAfter));
            }
            if (store.isKeyEntry(alias)) {
                boolean[] usage = cert.getKeyUsage();
                if (usage != null && !usage[0]) {
                    findings.add(new Finding(Finding.Level.FAIL, who + " lacks the digitalSignature key usage"));
                }
                try {
                    List<String> eku = cert.getExtendedKeyUsage();
                    if (eku == null || !eku.contains(CODE_SIGNING_EKU)) {
                        findings.add(new Finding(Finding.Level.FAIL, who + " is not a code-signing certificate (no codeSigning extended key usage)"));
                    }
                } catch (CertificateParsingException e) {
                    findings.add(new Finding(Finding.Level.FAIL, who + " has an unreadable extended key usage"));
                }
            }
        }
        if (findings.isEmpty()) {
            findings.add(new Finding(Finding.Level.FAIL, "the keystore holds no certificate"));
        }
        return findings;
    }

    /**
     * Native libraries for the target OS must exist for the target architecture; Mach-O libraries
     * are listed for signing, since notarization rejects unsigned code inside the app.
     */
    public static List<Finding> natives(List<NativeLibrary> libraries, String targetOs, String targetArch) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Set<String>> archsByName = new TreeMap<>();
        for (NativeLibrary lib : libraries) {
            if (lib.format().os().equals(targetOs)) {
                archsByName.computeIfAbsent(lib.name(), k -> new TreeSet<>()).addAll(lib.archs());
            }
        }
        for (NativeLibrary lib : libraries) {
            String where = lib.location() + " [" + lib.format() + " " + String.join("+", lib.archs()) + "]";
            if (!lib.format().os().equals(targetOs)) {
                findings.add(new Finding(Finding.Level.INFO, where + " is for " + lib.format().os() + ", not used on " + targetOs));
                continue;
            }
            if (!archsByName.get(lib.name()).contains(targetArch)) {
                findings.add(new Finding(Finding.Level.FAIL, where + " has no " + targetArch + " build for " + targetOs));
            } else if (lib.archs().contains(targetArch)) {
                findings.add(new Finding(Finding.Level.INFO, where + " matches " + targetOs + "-" + targetArch));
            }
            if (lib.format() == NativeLibrary.Format.MACH_O) {
                findings.add(new Finding(Finding.Level.WARN, where + (lib.codeSigned()
                        ? " carries a signature; notarization needs it signed with your Developer ID and hardened runtime"
                        : " is unsigned; notarization needs it signed with your Developer ID and hardened runtime")));
            }
        }
        return findings;
    }
}
