package io.desktopstarter.shell.swing.chromium;

import io.desktopstarter.contract.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import me.friwi.jcefmaven.CefAppBuilder;
import me.friwi.jcefmaven.CefInitializationException;
import me.friwi.jcefmaven.MavenCefAppHandlerAdapter;
import me.friwi.jcefmaven.UnsupportedPlatformException;
import org.cef.CefApp;
import org.cef.CefSettings;

/**
 * The one Chromium of the process: natives from {@link NativeBundle}, profile and cache in
 * app-data, its log in the app's log folder, and every background service that would call out to
 * the internet switched off.
 */
public final class ChromiumRuntime {
    /**
     * Chromium switches: no network traffic of its own (component and safe-browsing updates, sync,
     * metrics, translation, DNS prefetch…), no first-run UI, no GPU (software compositing works
     * everywhere and saves a process's worth of memory on a page like ours).
     */
    static final List<String> SWITCHES = List.of(
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-domain-reliability",
            "--disable-sync",
            "--disable-breakpad",
            "--disable-client-side-phishing-detection",
            "--safebrowsing-disable-auto-update",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
                    + "AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions",
            "--dns-prefetch-disable",
            "--metrics-recording-only",
            "--no-first-run",
            "--no-default-browser-check",
            "--no-pings",
            "--disable-gpu",
            "--disable-gpu-compositing");

    private final CefApp app;
    private final CountDownLatch terminated;

    private ChromiumRuntime(CefApp app, CountDownLatch terminated) {
        this.app = app;
        this.terminated = terminated;
    }

    /**
     * Prepares the natives (first start: unpacks them, reporting {@code progress}) and starts
     * Chromium's browser process. Call once, off the UI thread.
     */
    public static ChromiumRuntime start(Path appData, DoubleConsumer progress) throws ChromiumException {
        Path bundle = NativeBundle.ready(appData.resolve("cache").resolve("jcef"), progress);
        Path profile = appData.resolve("chromium");
        Path logs = appData.resolve("logs");
        try {
            Files.createDirectories(profile);
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new ChromiumException("Cannot create Chromium's folders in " + appData + ": " + e.getMessage(), e);
        }
        CefAppBuilder builder = new CefAppBuilder();
        builder.setInstallDir(bundle.toFile());
        builder.setMirrors(List.of()); // never download: the natives come from the class path or the installer
        builder.setProgressHandler((state, percent) -> { });
        builder.addJcefArgs(switches().toArray(String[]::new));
        CefSettings settings = builder.getCefSettings();
        settings.windowless_rendering_enabled = false;
        settings.root_cache_path = profile.toString();
        settings.cache_path = profile.resolve("default").toString();
        settings.persist_session_cookies = false;
        settings.log_file = logs.resolve("chromium.log").toString();
        settings.log_severity = CefSettings.LogSeverity.LOGSEVERITY_WARNING;
        CountDownLatch terminated = new CountDownLatch(1);
        builder.setAppHandler(new MavenCefAppHandlerAdapter() {
            @Override
            public void stateHasChanged(CefApp.CefAppState state) {
                if (state == CefApp.CefAppState.TERMINATED) {
                    terminated.countDown();
                }
            }
        });
        try {
            return new ChromiumRuntime(builder.build(), terminated);
        } catch (IOException | UnsupportedPlatformException | CefInitializationException | RuntimeException
                | UnsatisfiedLinkError e) {
            throw new ChromiumException("Chromium did not start: " + e.getMessage()
                    + ". Its log is " + logs.resolve("chromium.log"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChromiumException("interrupted while starting Chromium", e);
        }
    }

    /**
     * {@link #SWITCHES}, plus {@code --no-sandbox} only for root: Chromium refuses to run as root
     * with its sandbox, and a root desktop session has nothing left to protect from the renderer.
     */
    static List<String> switches() {
        List<String> all = new ArrayList<>(SWITCHES);
        if (Platform.isRoot()) {
            all.add("--no-sandbox");
        }
        return all;
    }

    public CefApp app() {
        return app;
    }

    public String version() {
        CefApp.CefVersion v = app.getVersion();
        return v == null ? "?" : v.CHROME_VERSION_MAJOR + "." + v.CHROME_VERSION_MINOR + "." + v.CHROME_VERSION_BUILD;
    }

    /** JCEF, CEF and Chromium versions in full, for diagnostics. */
    public String versions() {
        CefApp.CefVersion v = app.getVersion();
        return v == null ? "?" : "JCEF " + v.getJcefVersion() + ", CEF " + v.getCefVersion() + ", Chromium " + v.getChromeVersion();
    }

    /** Shuts Chromium down (its helper processes end with it); waits up to {@code seconds}. */
    public boolean shutdown(long seconds) throws InterruptedException {
        app.dispose();
        return terminated.await(seconds, TimeUnit.SECONDS);
    }
}
