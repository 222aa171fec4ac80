package io.desktopstarter.core.web;

import java.util.Locale;

/** A one-time message shown on the next page, e.g. "Pony saved." */
public record Flash(Kind kind, String text) {
    public enum Kind {
        SUCCESS,
        ERROR;

        public String cssClass() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
