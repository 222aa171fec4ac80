package io.desktopstarter.shell.javafx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * The JavaFX toolkit for the integration tests: JavaFX starts once per JVM and cannot start again
 * after {@link Platform#exit()}, and failsafe runs every IT class in one JVM; so it is started on
 * first use and left running until the JVM ends.
 */
final class FxToolkit {
    private static boolean started;

    private FxToolkit() {
    }

    static synchronized void start() throws InterruptedException {
        if (started) {
            return;
        }
        CountDownLatch fx = new CountDownLatch(1);
        Platform.startup(fx::countDown);
        Platform.setImplicitExit(false);
        if (!fx.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("JavaFX did not start within 30 s");
        }
        started = true;
    }

    /** Runs {@code work} on the JavaFX thread and returns its result. */
    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }
}
