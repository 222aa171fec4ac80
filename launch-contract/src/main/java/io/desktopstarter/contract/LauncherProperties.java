package io.desktopstarter.contract;

/**
 * System properties the distribution writes into every installed app's launcher configuration and
 * the shell and updater read back. A shell's own ones (where its natives are) are in its
 * {@link ShellPackaging} data.
 */
public final class LauncherProperties {
    /** The staged backend's folder inside the installed app. */
    public static final String BACKEND = "desktopstarter.backend";
    /** The installed app's {@code legal/} folder: its SBOM and third-party notices (the About dialog points there). */
    public static final String LEGAL = "desktopstarter.legal";
    /** The third-party notices' file name in that folder. */
    public static final String NOTICES_FILE = "THIRD-PARTY-NOTICES.txt";
    /** The {@link PackageFormat#id()} this app was installed from ({@code deb}, {@code tar.gz}, …): picks the update hand-off. */
    public static final String PACKAGE = "desktopstarter.package";
    /**
     * Where the administrator's update policy file is, when not at the OS's usual place; written into
     * the launcher at build time ({@code -Drelease.policyFile=…}, tests and unusual layouts), so a user
     * cannot point a system install elsewhere.
     */
    public static final String UPDATE_POLICY_FILE = "desktopstarter.update.policy";

    private LauncherProperties() {
    }
}
