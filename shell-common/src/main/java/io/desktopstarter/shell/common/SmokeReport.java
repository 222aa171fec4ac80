package io.desktopstarter.shell.common;

/**
 * The {@code --smoke} line (DESIGN.md contract): times in ms from process start, RSS of the shell
 * and every process it started.
 */
public record SmokeReport(String shell, long splashMs, long healthyMs, long firstPageMs, long rssKb) {
    public String json() {
        return "{\"event\":\"smoke\",\"shell\":\"" + shell + "\",\"splash_ms\":" + splashMs + ",\"healthy_ms\":"
                + healthyMs + ",\"first_page_ms\":" + firstPageMs + ",\"rss_kb\":" + rssKb + "}";
    }
}
