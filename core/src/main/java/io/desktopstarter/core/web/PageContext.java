package io.desktopstarter.core.web;

import java.util.List;

/** What the layout template needs on every page. */
public record PageContext(String title, String nav, String csrfToken, List<Flash> flashes, String version) {
    public PageContext {
        flashes = List.copyOf(flashes);
    }

    public boolean active(String section) {
        return nav.equals(section);
    }
}
