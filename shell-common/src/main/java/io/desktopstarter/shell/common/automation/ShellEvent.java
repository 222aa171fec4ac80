package io.desktopstarter.shell.common.automation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a shell did that a test may want to check afterwards ({@code events}). {@code atMs} is the
 * time since the driver started; {@code status} is the main-frame document's HTTP status where the
 * engine reports one, else {@code null}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ShellEvent.PageLoaded.class, name = "page-loaded"),
    @JsonSubTypes.Type(value = ShellEvent.PageFailed.class, name = "page-failed"),
    @JsonSubTypes.Type(value = ShellEvent.NavigationBlocked.class, name = "navigation-blocked"),
    @JsonSubTypes.Type(value = ShellEvent.OpenedExternally.class, name = "opened-externally"),
    @JsonSubTypes.Type(value = ShellEvent.WindowOpenRequested.class, name = "window-open-requested")})
public sealed interface ShellEvent {
    long atMs();

    String url();

    /** A main-frame document finished loading (also an HTTP error page: see {@code status}). */
    record PageLoaded(long atMs, String url, Integer status) implements ShellEvent {
    }

    /** A main-frame load failed or was cancelled (by the engine, or by the navigation guard). */
    record PageFailed(long atMs, String url, String detail) implements ShellEvent {
    }

    /** The navigation policy kept the window from going to {@code url}. */
    record NavigationBlocked(long atMs, String url) implements ShellEvent {
    }

    /** {@code url} was handed to the system's browser or mail client ({@code ExternalOpener}). */
    record OpenedExternally(long atMs, String url) implements ShellEvent {
    }

    /** A page script or a {@code target=_blank} link asked for a new window (the shells never open one). */
    record WindowOpenRequested(long atMs, String url) implements ShellEvent {
    }
}
