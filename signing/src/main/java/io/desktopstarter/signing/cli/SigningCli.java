package io.desktopstarter.signing.cli;

import io.desktopstarter.contract.Platform;
import io.desktopstarter.foundation.cli.CliCommand;
import io.desktopstarter.minisign.Verification;
import io.desktopstarter.signing.authenticode.AuthenticodeSession;
import io.desktopstarter.signing.checksums.ChecksumManifest;
import io.desktopstarter.signing.keys.KdfLimits;
import io.desktopstarter.signing.keys.KeyPairFiles;
import io.desktopstarter.signing.keys.PasswordFile;
import io.desktopstarter.signing.keys.SecretKey;
import io.desktopstarter.signing.keys.SecretKeyFile;
import io.desktopstarter.signing.macos.MacSigner;
import io.desktopstarter.signing.macos.MacSigningPlan;
import io.desktopstarter.signing.preflight.Keystores;
import io.desktopstarter.signing.preflight.Preflight;
import io.desktopstarter.signing.sign.MinisignSigner;
import io.desktopstarter.signing.sign.SignatureFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code desktop-starter-signing keygen|sign|verify|checksums|macos-plan|macos-sign|preflight|authenticode}: each
 * command parses its options, calls the signing library and prints. Exit codes: 0 ok, 1 a signature, checksum or
 * preflight check failed, 2 bad input (missing or malformed file, wrong password, refused overwrite).
 */
@Command(name = "desktop-starter-signing", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        description = "Release keys, minisign signatures and sha256sum manifests.",
        subcommands = {SigningCli.Keygen.class, SigningCli.Sign.class, SigningCli.Verify.class, SigningCli.Checksums.class,
                SigningCli.MacosPlan.class, SigningCli.MacosSign.class, SigningCli.PreflightCommand.class,
                SigningCli.Authenticode.class})
public final class SigningCli {
    static final int MISMATCH = 1;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SigningCli()).execute(args));
    }

    @Command(name = "keygen", description = "Create a minisign Ed25519 key pair (secret key encrypted with scrypt).")
    static final class Keygen extends CliCommand {
        @Option(names = "--secret-key", required = true) Path secretKey;
        @Option(names = "--public-key", required = true) Path publicKey;
        @Option(names = "--password-file", description = "first line is the password") Path passwordFile;
        @Option(names = "--unencrypted", description = "store the secret key without a password (like minisign -W)") boolean unencrypted;
        @Option(names = "--force", description = "replace existing key files") boolean force;
        @Option(names = "--kdf", defaultValue = "sensitive",
                description = "scrypt strength: sensitive (minisign's, ~1 GiB) or interactive (16 MiB, test keys)") String kdf;

        @Override
        protected int run() throws Exception {
            if (unencrypted == (passwordFile != null)) {
                return fail("give exactly one of --password-file FILE or --unencrypted");
            }
            KdfLimits limits = switch (kdf) {
                case "sensitive" -> KdfLimits.SENSITIVE;
                case "interactive" -> KdfLimits.INTERACTIVE;
                default -> null;
            };
            if (limits == null) {
                return fail("--kdf must be sensitive or interactive");
            }
            Optional<char[]> password = unencrypted ? Optional.empty() : Optional.of(PasswordFile.read(passwordFile));
            SecretKey key = KeyPairFiles.create(secretKey, publicKey, password, limits, force);
            out().println("Created key " + key.publicKey().keyIdHex() + ": secret " + secretKey + ", public " + publicKey);
            return 0;
        }
    }

    @Command(name = "sign", description = "Write FILE.minisig for each FILE (prehashed, verifies with minisign -V).")
    static final class Sign extends CliCommand {
        @Option(names = "--secret-key", required = true) Path secretKey;
        @Option(names = "--password-file") Path passwordFile;
        @Option(names = "--trusted-comment", description = "default: timestamp:<unix time>, file:<name>, hashed") String trustedComment;
        @Parameters(arity = "1..*", paramLabel = "FILE") List<Path> files;

        @Override
        protected int run() throws Exception {
            if (trustedComment != null && (trustedComment.contains("\n") || trustedComment.contains("\r"))) {
                return fail("--trusted-comment must be one line");
            }
            String keyText = Files.readString(secretKey, StandardCharsets.UTF_8);
            SecretKey key = SecretKeyFile.decode(keyText, passwordFile == null ? null : PasswordFile.read(passwordFile));
            SignatureFiles.signAll(new MinisignSigner(key, Clock.systemUTC()), files, trustedComment,
                    (file, signature) -> out().println("Signed " + file + " -> " + signature));
            return 0;
        }
    }

    @Command(name = "verify", description = "Check FILE against its minisign signature; prints the trusted comment.")
    static final class Verify extends CliCommand {
        @Option(names = "--public-key", required = true) Path publicKey;
        @Option(names = "--signature", description = "default: FILE.minisig") Path signature;
        @Parameters(paramLabel = "FILE") Path file;

        @Override
        protected int run() throws Exception {
            return switch (SignatureFiles.verify(publicKey, Optional.ofNullable(signature), file)) {
                case Verification.Valid valid -> {
                    out().println("Signature and comment signature verified");
                    out().println("Trusted comment: " + valid.trustedComment());
                    yield 0;
                }
                case Verification.Invalid invalid -> {
                    spec.commandLine().getErr().println("FAILED: " + invalid.reason().label() + ": " + invalid.detail());
                    yield MISMATCH;
                }
            };
        }
    }

    @Command(name = "checksums", description = "Write a sha256sum manifest (--output) or check one (--check).")
    static final class Checksums extends CliCommand {
        @Option(names = "--output", description = "manifest to write for FILE...") Path output;
        @Option(names = "--check", description = "manifest to verify, like sha256sum -c") Path check;
        @Parameters(arity = "0..*", paramLabel = "FILE") List<Path> files = new ArrayList<>();

        @Override
        protected int run() throws Exception {
            if ((output == null) == (check == null)) {
                return fail("give --output MANIFEST FILE... or --check MANIFEST");
            }
            if (output != null) {
                if (files.isEmpty()) {
                    return fail("no files to list");
                }
                ChecksumManifest.write(output, files);
                out().println("Wrote " + output + " (" + files.size() + " files)");
                return 0;
            }
            List<ChecksumManifest.Entry> entries = ChecksumManifest.check(check);
            entries.forEach(e -> out().println(e.line()));
            long bad = ChecksumManifest.failures(entries);
            if (bad > 0) {
                spec.commandLine().getErr().println("FAILED: " + bad + " of " + entries.size() + " files do not match");
                return MISMATCH;
            }
            return 0;
        }
    }

    @Command(name = "macos-plan", description = "Print the codesign/notarytool/stapler steps the current environment allows; no secrets.")
    static class MacosPlan extends CliCommand {
        @Option(names = "--app", defaultValue = "Desktop Java Starter.app") Path app;
        @Option(names = "--entitlements", defaultValue = "entitlements.plist") Path entitlements;
        @Option(names = "--nested", description = "native code inside the app to sign first (repeatable)") List<Path> nested = new ArrayList<>();

        MacSigningPlan plan() {
            return MacSigningPlan.of(System.getenv(), app, entitlements, nested);
        }

        @Override
        protected int run() throws Exception {
            plan().describe().forEach(out()::println);
            return 0;
        }
    }

    @Command(name = "macos-sign", description = "Run the macos-plan steps (macOS only).")
    static final class MacosSign extends MacosPlan {
        @Override
        protected int run() throws Exception {
            if (Platform.current().os() != Platform.Os.MACOS) {
                return fail("macos-sign runs codesign and notarytool, which exist only on macOS; use macos-plan to see the steps on this OS");
            }
            MacSigningPlan plan = plan();
            plan.describe().forEach(out()::println);
            if (!plan.signs()) {
                out().println("Unsigned build: " + plan.signingOffReason().orElseThrow());
                return 0;
            }
            try {
                new MacSigner(System.getenv(), MacSigner.processRunner()).execute(plan);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
            out().println(plan.notarizes() ? "Signed, notarized and stapled " + app
                    : "Signed " + app + " (not notarized: " + plan.notarizationOffReason().orElseThrow() + ")");
            return 0;
        }
    }

    @Command(name = "preflight", description = "Check code-signing certificates and the native libraries in jars and directories.")
    static final class PreflightCommand extends CliCommand {
        @Option(names = "--target", defaultValue = "linux", description = "linux, windows or macos") String target;
        @Option(names = "--arch", description = "x64 or arm64 (default: this machine's)") String arch;
        @Option(names = "--keystore", description = "PKCS#12 with the code-signing certificate") Path keystore;
        @Option(names = "--storepass-env", description = "environment variable holding the keystore password") String storepassEnv;
        @Parameters(arity = "0..*", paramLabel = "PATH") List<Path> paths = new ArrayList<>();

        @Override
        protected int run() throws Exception {
            if (!List.of("linux", "windows", "macos").contains(target)) {
                return fail("--target must be linux, windows or macos");
            }
            String password = storepassEnv == null ? "" : System.getenv(storepassEnv);
            if (keystore != null && password == null) {
                return fail("environment variable " + storepassEnv + " is not set");
            }
            Optional<KeyStore> store = keystore == null ? Optional.empty() : Optional.of(Keystores.pkcs12(keystore, password.toCharArray()));
            Preflight.Report report = Preflight.run(store, paths, target, arch != null ? arch : Platform.current().arch().id(),
                    Clock.systemUTC());
            report.findings().forEach(f -> out().println(f.line()));
            out().println(report.summary());
            return report.passed() ? 0 : MISMATCH;
        }
    }

    @Command(name = "authenticode", description = "Authenticode-sign PE/MSI files with a PKCS#12 (or the WIN_CSC_* inputs).")
    static final class Authenticode extends CliCommand {
        @Option(names = "--keystore", description = "PKCS#12 file; default: WIN_CSC_LINK") Path keystore;
        @Option(names = "--storepass-env", description = "variable holding the keystore password; default: WIN_CSC_KEY_PASSWORD") String storepassEnv;
        @Option(names = "--alias") String alias;
        @Option(names = "--tsa", description = "RFC 3161 timestamp URL; default: WIN_SIGN_TIMESTAMP_RFC3161_URL or WIN_SIGN_TIMESTAMP_URL") String tsa;
        @Parameters(arity = "1..*", paramLabel = "FILE") List<Path> files;

        @Override
        protected int run() throws Exception {
            Map<String, String> env = System.getenv();
            String variable = storepassEnv == null ? "WIN_CSC_KEY_PASSWORD" : storepassEnv;
            if (keystore != null && env.get(variable) == null) {
                return fail("environment variable " + variable + " is not set");
            }
            Optional<AuthenticodeSession> opened = keystore == null
                    ? AuthenticodeSession.fromEnvironment(env, Optional.ofNullable(alias), Optional.ofNullable(tsa))
                    : Optional.of(AuthenticodeSession.fromKeystore(keystore, env.get(variable), Optional.ofNullable(alias),
                            Optional.ofNullable(tsa), env));
            if (opened.isEmpty()) {
                return fail("no keystore: give --keystore or set WIN_CSC_LINK (and WIN_CSC_KEY_PASSWORD)");
            }
            try (AuthenticodeSession session = opened.get()) {
                for (Path file : files) {
                    if (!Files.isRegularFile(file)) {
                        return fail("no such file: " + file);
                    }
                    session.sign(file);
                    out().println("Signed " + file + (session.timestamped() ? " (timestamped)" : " (no timestamp)"));
                }
            }
            return 0;
        }
    }
}
