package io.desktopstarter.signing.macos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What signing and notarizing a macOS app would run, decided from the seed's environment inputs:
 * {@code CSC_LINK} (path or base64 .p12) or {@code CSC_NAME} with {@code CSC_KEY_PASSWORD} for
 * codesign; for notarytool, in this order, {@code APPLE_API_KEY}+{@code APPLE_API_KEY_ID}+
 * {@code APPLE_API_ISSUER}, then {@code APPLE_ID}+{@code APPLE_APP_SPECIFIC_PASSWORD}+
 * {@code APPLE_TEAM_ID}, then {@code APPLE_KEYCHAIN_PROFILE} (optionally {@code APPLE_KEYCHAIN}).
 * Commands carry references such as {@code <$CSC_KEY_PASSWORD>} instead of secret values.
 */
public record MacSigningPlan(Optional<String> signingOffReason, Optional<String> notarizationOffReason,
        String notarizationCredentials, List<List<String>> commands) {

    public boolean signs() {
        return signingOffReason.isEmpty();
    }

    public boolean notarizes() {
        return notarizationOffReason.isEmpty();
    }

    public static MacSigningPlan of(Map<String, String> env, Path app, Path entitlements, List<Path> nestedCode) {
        List<List<String>> commands = new ArrayList<>();
        Optional<String> signingOff = Optional.empty();
        String identity;
        if (present(env, "CSC_LINK")) {
            if (!present(env, "CSC_KEY_PASSWORD")) {
                signingOff = Optional.of("CSC_LINK is set but CSC_KEY_PASSWORD is missing");
            }
            identity = present(env, "CSC_NAME") ? env.get("CSC_NAME") : "Developer ID Application";
            commands.add(List.of("security", "create-keychain", "-p", "<generated>", "desktop-starter-build.keychain"));
            commands.add(List.of("security", "import", looksLikePath(env.get("CSC_LINK")) ? env.get("CSC_LINK") : "<$CSC_LINK decoded to a temporary .p12>",
                    "-k", "desktop-starter-build.keychain", "-P", "<$CSC_KEY_PASSWORD>", "-T", "/usr/bin/codesign"));
            commands.add(List.of("security", "set-key-partition-list", "-S", "apple-tool:,apple:", "-k", "<generated>",
                    "desktop-starter-build.keychain"));
        } else if (present(env, "CSC_NAME")) {
            identity = env.get("CSC_NAME");
        } else {
            identity = null;
            signingOff = Optional.of("no signing identity: set CSC_LINK (+ CSC_KEY_PASSWORD) or CSC_NAME");
        }
        if (identity != null) {
            for (Path code : nestedCode) {
                commands.add(codesign(identity, entitlements, code));
            }
            commands.add(codesign(identity, entitlements, app));
            commands.add(List.of("codesign", "--verify", "--deep", "--strict", "--verbose=2", app.toString()));
        }

        Optional<String> notarizationOff = Optional.empty();
        String credentials;
        List<String> submit = new ArrayList<>(List.of("xcrun", "notarytool", "submit", app + ".zip", "--wait"));
        if (complete(env, "APPLE_API_KEY", "APPLE_API_KEY_ID", "APPLE_API_ISSUER")) {
            credentials = "App Store Connect API key (APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER)";
            submit.addAll(List.of("--key", looksLikePath(env.get("APPLE_API_KEY")) ? env.get("APPLE_API_KEY") : "<$APPLE_API_KEY written to a temporary .p8>",
                    "--key-id", env.get("APPLE_API_KEY_ID"), "--issuer", env.get("APPLE_API_ISSUER")));
        } else if (complete(env, "APPLE_ID", "APPLE_APP_SPECIFIC_PASSWORD", "APPLE_TEAM_ID")) {
            credentials = "Apple ID (APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID)";
            submit.addAll(List.of("--apple-id", env.get("APPLE_ID"), "--password", "<$APPLE_APP_SPECIFIC_PASSWORD>",
                    "--team-id", env.get("APPLE_TEAM_ID")));
        } else if (present(env, "APPLE_KEYCHAIN_PROFILE")) {
            credentials = "keychain profile (APPLE_KEYCHAIN_PROFILE)";
            submit.addAll(List.of("--keychain-profile", env.get("APPLE_KEYCHAIN_PROFILE")));
            if (present(env, "APPLE_KEYCHAIN")) {
                submit.addAll(List.of("--keychain", env.get("APPLE_KEYCHAIN")));
            }
        } else {
            credentials = "none";
            notarizationOff = Optional.of("no complete notarization credentials: " + incomplete(env));
        }
        if (signingOff.isPresent() && notarizationOff.isEmpty()) {
            notarizationOff = Optional.of("notarization needs a signed app");
        }
        if (signingOff.isEmpty() && notarizationOff.isEmpty()) {
            commands.add(List.of("ditto", "-c", "-k", "--keepParent", app.toString(), app + ".zip"));
            commands.add(submit);
            commands.add(List.of("xcrun", "stapler", "staple", app.toString()));
            commands.add(List.of("spctl", "--assess", "--type", "execute", "--verbose=2", app.toString()));
        }
        return new MacSigningPlan(signingOff, notarizationOff, credentials, commands);
    }

    /** The plan as text; safe to print in CI logs. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("codesign: " + signingOffReason.map(r -> "OFF (" + r + ")").orElse("ON"));
        lines.add("notarization: " + notarizationOffReason.map(r -> "OFF (" + r + ")").orElse("ON via " + notarizationCredentials));
        commands.forEach(c -> lines.add("  $ " + String.join(" ", c)));
        return lines;
    }

    private static List<String> codesign(String identity, Path entitlements, Path target) {
        return List.of("codesign", "--force", "--timestamp", "--options", "runtime", "--entitlements", entitlements.toString(),
                "--sign", identity, target.toString());
    }

    private static String incomplete(Map<String, String> env) {
        List<String> notes = new ArrayList<>();
        note(env, notes, "APPLE_API_KEY", "APPLE_API_KEY_ID", "APPLE_API_ISSUER");
        note(env, notes, "APPLE_ID", "APPLE_APP_SPECIFIC_PASSWORD", "APPLE_TEAM_ID");
        return notes.isEmpty() ? "none of the credential sets is set" : String.join("; ", notes);
    }

    private static void note(Map<String, String> env, List<String> notes, String... set) {
        List<String> missing = new ArrayList<>();
        boolean any = false;
        for (String name : set) {
            if (present(env, name)) {
                any = true;
            } else {
                missing.add(name);
            }
        }
        if (any && !missing.isEmpty()) {
            notes.add(set[0] + " set is missing " + String.join(", ", missing));
        }
    }

    private static boolean complete(Map<String, String> env, String... names) {
        for (String name : names) {
            if (!present(env, name)) {
                return false;
            }
        }
        return true;
    }

    private static boolean present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    private static boolean looksLikePath(String value) {
        return value != null && (value.startsWith("/") || value.startsWith("./") || value.startsWith("~")
                || value.endsWith(".p12") || value.endsWith(".p8"));
    }
}
