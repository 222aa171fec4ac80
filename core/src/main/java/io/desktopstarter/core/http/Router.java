package io.desktopstarter.core.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Maps method + path to a handler. Patterns use {@code {name}} for one path segment. */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    public Router get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    public Router post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    public Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, pattern.split("/", -1), handler));
        return this;
    }

    /** The outcome of matching a request against the routes. */
    public sealed interface Match {
        record Found(Handler handler, Map<String, String> params) implements Match {
        }

        record MethodNotAllowed(Set<String> allowed) implements Match {
        }

        record NotFound() implements Match {
        }
    }

    public Match match(String method, String path) {
        String lookupMethod = "HEAD".equals(method) ? "GET" : method;
        String[] segments = path.split("/", -1);
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = route.bind(segments);
            if (params == null) {
                continue;
            }
            if (route.method.equals(lookupMethod)) {
                return new Match.Found(route.handler, params);
            }
            allowed.add(route.method);
        }
        if (allowed.isEmpty()) {
            return new Match.NotFound();
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        return new Match.MethodNotAllowed(allowed);
    }

    private record Route(String method, String[] segments, Handler handler) {
        Map<String, String> bind(String[] path) {
            if (path.length != segments.length) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < path.length; i++) {
                String expected = segments[i];
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    if (path[i].isEmpty()) {
                        return null;
                    }
                    params.put(expected.substring(1, expected.length() - 1), path[i]);
                } else if (!expected.equals(path[i])) {
                    return null;
                }
            }
            return params;
        }
    }
}
