package io.desktopstarter.updater.install;

import io.desktopstarter.updater.testing.AppImages;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs a portable install in its own process and parks at one step so the test can kill it there
 * (args: root, archive, version, step). Prints "STEP <name>" after each step.
 */
public final class PortableInstallCrashMain {
    private PortableInstallCrashMain() {
    }

    public static void main(String[] args) throws Exception {
        PortableInstall.Step stopAt = PortableInstall.Step.valueOf(args[3]);
        PortableInstall install = new PortableInstall(Path.of(args[0]),
                SmokeCheck.launcher(AppImages.LAUNCHER, CommandRunner.SYSTEM, Duration.ofSeconds(20)), step -> {
                    System.out.println("STEP " + step);
                    System.out.flush();
                    if (step == stopAt) {
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        install.install(Path.of(args[1]), args[2]);
    }
}
