package io.desktopstarter.signing.cli;

import io.desktopstarter.contract.Platform;
import io.desktopstarter.foundation.cli.CliCommand;
import io.desktopstarter.minisign.MinisignFormatException;
import io.desktopstarter.minisign.MinisignPublicKey;
import io.desktopstarter.minisign.MinisignSignature;
import io.desktopstarter.minisign.MinisignVerifier;
import io.desktopstarter.minisign.Verification;
import io.desktopstarter.signing.authenticode.AuthenticodeSigning;
import io.desktopstarter.signing.authenticode.WindowsSigningInputs;
import io.desktopstarter.signing.checksums.ChecksumManifest;
import io.desktopstarter.signing.files.SafeFiles;
import io.desktopstarter.signing.keys.KdfLimits;
import io.desktopstarter.signing.keys.KeyFormatException;
import io.desktopstarter.signing.keys.SecretKey;
import io.desktopstarter.signing.keys.SecretKeyFile;
import io.desktopstarter.signing.keys.WrongPasswordException;
import io.desktopstarter.signing.macos.MacSigner;
import io.desktopstarter.signing.macos.MacSigningPlan;
import io.desktopstarter.signing.preflight.Finding;
import io.desktopstarter.signing.preflight.NativeScanner;
import io.desktopstarter.signing.preflight.Preflight;
import io.desktopstarter.signing.sign.MinisignSigner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code desktop-starter-signing keygen|sign|verify|checksums}. Exit codes: 0 ok, 1 a signature or
 * checksum does not match, 2 bad input (missing or malformed file, wrong password, refused overwrite).
 */
@Command(name = "desktop-starter-signing", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        description = "Release keys, minisign signatures and sha256sum manifests.",
        subcommands = {SigningCli.Keygen.class, SigningCli.Sign.class, SigningCli.Verify.class, SigningCli.Checksums.class,
                SigningCli.MacosPlan.class, SigningCli.MacosSign.class, SigningCli.PreflightCommand.class,
                SigningCli.Authenticode.class})
public final class SigningCli {
    static final int MISMATCH = 1;
    static final int BAD_INPUT = CliCommand.BAD_INPUT;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SigningCli()).execute(args));
    }

    /** The shared error handling, plus reading a password file. */
    abstract static class Base extends CliCommand {
        static char[] readPassword(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                throw new IOException("the password file " + file + " is empty");
            }
            return line.toCharArray();
        }
    }

    @Command(name = "keygen", description = "Create a minisign Ed25519 key pair (secret key encrypted with scrypt).")
    static final class Keygen extends Base {
        @Option(names = "--secret-key", required = true)
        Path secretKey;

        @Option(names = "--public-key", required = true)
        Path publicKey;

        @Option(names = "--password-file", description = "first line is the password")
        Path passwordFile;

        @Option(names = "--unencrypted", description = "store the secret key without a password (like minisign -W)")
        boolean unencrypted;

        @Option(names = "--force", description = "replace existing key files")
        boolean force;

        @Option(names = "--kdf", defaultValue = "sensitive", description = "scrypt strength: sensitive (minisign's, ~1 GiB) or interactive (16 MiB, test keys)")
        String kdf;

        @Override
        protected int run() throws IOException {
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
            if (!force && (Files.exists(secretKey) || Files.exists(publicKey))) {
                return fail((Files.exists(secretKey) ? secretKey : publicKey) + " exists; pass --force to replace it");
            }
            SecretKey key = SecretKeyFile.generate();
            char[] password = unencrypted ? null : readPassword(passwordFile);
            SafeFiles.write(secretKey, SecretKeyFile.encode(key, password, limits).getBytes(StandardCharsets.UTF_8), true, force);
            SafeFiles.write(publicKey, key.publicKey().toFileContent().getBytes(StandardCharsets.UTF_8), false, force);
            out().println("Created key " + key.publicKey().keyIdHex() + ": secret " + secretKey + ", public " + publicKey);
            return 0;
        }
    }

    @Command(name = "sign", description = "Write FILE.minisig for each FILE (prehashed, verifies with minisign -V).")
    static final class Sign extends Base {
        @Option(names = "--secret-key", required = true)
        Path secretKey;

        @Option(names = "--password-file")
        Path passwordFile;

        @Option(names = "--trusted-comment", description = "default: timestamp:<unix time>, file:<name>, hashed")
        String trustedComment;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        protected int run() throws IOException, WrongPasswordException, KeyFormatException {
            if (trustedComment != null && (trustedComment.contains("\n") || trustedComment.contains("\r"))) {
                return fail("--trusted-comment must be one line");
            }
            String keyText = Files.readString(secretKey, StandardCharsets.UTF_8);
            char[] password = passwordFile == null ? null : readPassword(passwordFile);
            SecretKey key = SecretKeyFile.decode(keyText, password);
            MinisignSigner signer = new MinisignSigner(key, Clock.systemUTC());
            List<Path[]> pending = new ArrayList<>();
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    return fail("no such file: " + file);
                }
                pending.add(new Path[] {file, file.resolveSibling(file.getFileName() + ".minisig")});
            }
            for (Path[] pair : pending) {
                MinisignSignature signature = signer.sign(pair[0], trustedComment);
                SafeFiles.write(pair[1], signature.toFileContent().getBytes(StandardCharsets.UTF_8), false, true);
                out().println("Signed " + pair[0] + " -> " + pair[1]);
            }
            return 0;
        }
    }

    @Command(name = "verify", description = "Check FILE against its minisign signature; prints the trusted comment.")
    static final class Verify extends Base {
        @Option(names = "--public-key", required = true)
        Path publicKey;

        @Option(names = "--signature", description = "default: FILE.minisig")
        Path signature;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        protected int run() throws IOException, MinisignFormatException {
            MinisignPublicKey key = MinisignPublicKey.parse(Files.readString(publicKey, StandardCharsets.UTF_8));
            Path sigFile = signature != null ? signature : file.resolveSibling(file.getFileName() + ".minisig");
            MinisignSignature sig = MinisignSignature.parse(Files.readString(sigFile, StandardCharsets.UTF_8));
            if (!Files.isRegularFile(file)) {
                return fail("no such file: " + file);
            }
            return switch (MinisignVerifier.verify(key, sig, file)) {
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
    static final class Checksums extends Base {
        @Option(names = "--output", description = "manifest to write for FILE...")
        Path output;

        @Option(names = "--check", description = "manifest to verify, like sha256sum -c")
        Path check;

        @Parameters(arity = "0..*", paramLabel = "FILE")
        List<Path> files = new ArrayList<>();

        @Override
        protected int run() throws IOException {
            if ((output == null) == (check == null)) {
                return fail("give --output MANIFEST FILE... or --check MANIFEST");
            }
            if (output != null) {
                if (files.isEmpty()) {
                    return fail("no files to list");
                }
                SafeFiles.write(output, ChecksumManifest.create(files).getBytes(StandardCharsets.UTF_8), false, true);
                out().println("Wrote " + output + " (" + files.size() + " files)");
                return 0;
            }
            List<ChecksumManifest.Entry> entries = ChecksumManifest.check(check);
            entries.forEach(e -> out().println(e.line()));
            long bad = entries.stream().filter(e -> e.status() != ChecksumManifest.Status.OK).count();
            if (bad > 0) {
                spec.commandLine().getErr().println("FAILED: " + bad + " of " + entries.size() + " files do not match");
                return MISMATCH;
            }
            return 0;
        }
    }

    @Command(name = "macos-plan", description = "Print the codesign/notarytool/stapler steps the current environment allows; no secrets.")
    static class MacosPlan extends Base {
        @Option(names = "--app", defaultValue = "Desktop Java Starter.app")
        Path app;

        @Option(names = "--entitlements", defaultValue = "entitlements.plist")
        Path entitlements;

        @Option(names = "--nested", description = "native code inside the app to sign first (repeatable)")
        List<Path> nested = new ArrayList<>();

        MacSigningPlan plan() {
            return MacSigningPlan.of(System.getenv(), app, entitlements, nested);
        }

        @Override
        protected int run() throws IOException {
            plan().describe().forEach(out()::println);
            return 0;
        }
    }

    @Command(name = "macos-sign", description = "Run the macos-plan steps (macOS only).")
    static final class MacosSign extends MacosPlan {
        @Override
        protected int run() throws IOException {
            if (Platform.current().os() != Platform.Os.MACOS) {
                return fail("macos-sign runs codesign and notarytool, which exist only on macOS; "
                        + "use macos-plan to see the steps on this OS");
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
            out().println(plan.notarizes() ? "Signed, notarized and stapled " + app : "Signed " + app + " (not notarized: "
                    + plan.notarizationOffReason().orElseThrow() + ")");
            return 0;
        }
    }

    @Command(name = "preflight", description = "Check code-signing certificates and the native libraries in jars and directories.")
    static final class PreflightCommand extends Base {
        @Option(names = "--target", defaultValue = "linux", description = "linux, windows or macos")
        String target;

        @Option(names = "--arch", description = "x64 or arm64 (default: this machine's)")
        String arch;

        @Option(names = "--keystore", description = "PKCS#12 with the code-signing certificate")
        Path keystore;

        @Option(names = "--storepass-env", description = "environment variable holding the keystore password")
        String storepassEnv;

        @Parameters(arity = "0..*", paramLabel = "PATH")
        List<Path> paths = new ArrayList<>();

        @Override
        protected int run() throws IOException {
            if (!List.of("linux", "windows", "macos").contains(target)) {
                return fail("--target must be linux, windows or macos");
            }
            String targetArch = arch != null ? arch : Platform.current().arch().id();
            List<Finding> findings = new ArrayList<>();
            if (keystore != null) {
                String password = storepassEnv == null ? "" : System.getenv(storepassEnv);
                if (password == null) {
                    return fail("environment variable " + storepassEnv + " is not set");
                }
                try (var in = Files.newInputStream(keystore)) {
                    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
                    store.load(in, password.toCharArray());
                    findings.addAll(Preflight.certificates(store, Clock.systemUTC()));
                } catch (java.security.GeneralSecurityException | IOException e) {
                    return fail("cannot open " + keystore + " (wrong password or not PKCS#12): " + e.getMessage());
                }
            }
            findings.addAll(Preflight.natives(NativeScanner.scan(paths), target, targetArch));
            findings.forEach(f -> out().println(f.line()));
            long failures = findings.stream().filter(f -> f.level() == Finding.Level.FAIL).count();
            out().println(failures == 0 ? "preflight passed for " + target + "-" + targetArch
                    : "preflight FAILED: " + failures + " problem(s) for " + target + "-" + targetArch);
            return failures == 0 ? 0 : MISMATCH;
        }
    }

    @Command(name = "authenticode", description = "Authenticode-sign PE/MSI files with a PKCS#12 (or the WIN_CSC_* inputs).")
    static final class Authenticode extends Base {
        @Option(names = "--keystore", description = "PKCS#12 file; default: WIN_CSC_LINK")
        Path keystore;

        @Option(names = "--storepass-env", description = "variable holding the keystore password; default: WIN_CSC_KEY_PASSWORD")
        String storepassEnv;

        @Option(names = "--alias")
        String alias;

        @Option(names = "--tsa", description = "RFC 3161 timestamp URL; default: WIN_SIGN_TIMESTAMP_RFC3161_URL or WIN_SIGN_TIMESTAMP_URL")
        String tsa;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        protected int run() throws IOException {
            java.util.Map<String, String> env = System.getenv();
            Path store = keystore;
            String password;
            java.util.Optional<String> timestamp = java.util.Optional.ofNullable(tsa);
            boolean temporary = false;
            if (store == null) {
                var inputs = WindowsSigningInputs.fromEnvironment(env);
                if (inputs.isEmpty()) {
                    return fail("no keystore: give --keystore or set WIN_CSC_LINK (and WIN_CSC_KEY_PASSWORD)");
                }
                store = inputs.get().keystore();
                temporary = inputs.get().temporary();
                password = inputs.get().password();
                timestamp = timestamp.or(() -> inputs.get().timestampUrl());
            } else {
                String variable = storepassEnv == null ? "WIN_CSC_KEY_PASSWORD" : storepassEnv;
                password = env.get(variable);
                if (password == null) {
                    return fail("environment variable " + variable + " is not set");
                }
            }
            try {
                AuthenticodeSigning.Selection selection = AuthenticodeSigning.Selection.fromEnvironment(
                        java.util.Optional.ofNullable(alias), env);
                AuthenticodeSigning signing = AuthenticodeSigning.open(store, password, selection, timestamp);
                for (Path file : files) {
                    if (!Files.isRegularFile(file)) {
                        return fail("no such file: " + file);
                    }
                    signing.sign(file);
                    out().println("Signed " + file + (timestamp.isPresent() ? " (timestamped)" : " (no timestamp)"));
                }
            } finally {
                if (temporary) {
                    Files.deleteIfExists(store);
                }
            }
            return 0;
        }
    }
}
