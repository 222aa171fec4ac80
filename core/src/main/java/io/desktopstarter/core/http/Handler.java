package io.desktopstarter.core.http;

/** Application code behind a route. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request) throws Exception;
}
