package io.desktopstarter.shell.common.automation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The driver's record of {@link ShellEvent}s, bounded (the oldest go first), and the one place a
 * command waits for a main-frame load to end: {@link #nextLoadEnd()} is taken before the command
 * acts, so a load that ends at once is not missed.
 */
final class EventLog implements ShellEvents {
    static final int CAPACITY = 1000;
    /** The session token travels in the bootstrap URL's query; the record never keeps it. */
    private static final Pattern TOKEN = Pattern.compile("([?&]token=)[^&#]*");

    private final long startNanos = System.nanoTime();
    private final List<ShellEvent> events = new ArrayList<>();
    private final List<CompletableFuture<ShellEvent>> loadWaiters = new ArrayList<>();

    @Override
    public void pageLoaded(String url, Integer status) {
        loadEnded(new ShellEvent.PageLoaded(now(), redacted(url), status));
    }

    @Override
    public void pageFailed(String url, String detail) {
        loadEnded(new ShellEvent.PageFailed(now(), redacted(url), detail));
    }

    @Override
    public void navigationBlocked(String url) {
        add(new ShellEvent.NavigationBlocked(now(), redacted(url)));
    }

    @Override
    public void openedExternally(String url) {
        add(new ShellEvent.OpenedExternally(now(), redacted(url)));
    }

    @Override
    public void windowOpenRequested(String url) {
        add(new ShellEvent.WindowOpenRequested(now(), redacted(url)));
    }

    /** Completes with the next {@link ShellEvent.PageLoaded} or {@link ShellEvent.PageFailed} recorded after this call. */
    synchronized CompletableFuture<ShellEvent> nextLoadEnd() {
        CompletableFuture<ShellEvent> waiter = new CompletableFuture<>();
        loadWaiters.add(waiter);
        return waiter;
    }

    synchronized List<ShellEvent> all() {
        return List.copyOf(events);
    }

    /** The status of the last main-frame document that loaded, {@code null} if none did or the engine cannot tell. */
    synchronized Integer lastStatus() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof ShellEvent.PageLoaded loaded) {
                return loaded.status();
            }
        }
        return null;
    }

    private void loadEnded(ShellEvent event) {
        List<CompletableFuture<ShellEvent>> waiting;
        synchronized (this) {
            add(event);
            waiting = List.copyOf(loadWaiters);
            loadWaiters.clear();
        }
        waiting.forEach(w -> w.complete(event));
    }

    private synchronized void add(ShellEvent event) {
        if (events.size() == CAPACITY) {
            events.removeFirst();
        }
        events.add(event);
    }

    static String redacted(String url) {
        return url == null ? null : TOKEN.matcher(url).replaceAll("$1[REDACTED]");
    }

    private long now() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
