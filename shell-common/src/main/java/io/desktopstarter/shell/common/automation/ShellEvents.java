package io.desktopstarter.shell.common.automation;

import io.desktopstarter.shell.common.ExternalOpener;

/**
 * Where a shell reports what the automation driver records. Any thread. Without the driver the
 * shells get {@link #NONE}, which records nothing.
 */
public interface ShellEvents {
    ShellEvents NONE = new ShellEvents() {
        @Override
        public void pageLoaded(String url, Integer status) {
        }

        @Override
        public void pageFailed(String url, String detail) {
        }

        @Override
        public void navigationBlocked(String url) {
        }

        @Override
        public void openedExternally(String url) {
        }

        @Override
        public void windowOpenRequested(String url) {
        }
    };

    /** A main-frame load ended with a document; {@code status} is {@code null} when the engine cannot tell. */
    void pageLoaded(String url, Integer status);

    /** A main-frame load ended without a document (failed, cancelled). */
    void pageFailed(String url, String detail);

    void navigationBlocked(String url);

    void openedExternally(String url);

    void windowOpenRequested(String url);

    /** {@code opener}, telling this recorder about every URL it hands to the OS. */
    default ExternalOpener recording(ExternalOpener opener) {
        return url -> {
            openedExternally(url);
            opener.open(url);
        };
    }
}
