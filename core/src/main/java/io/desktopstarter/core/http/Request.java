package io.desktopstarter.core.http;

import io.desktopstarter.core.http.wire.HeaderFields;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed HTTP request, built only after the auth rules passed on its head. The body is read
 * (with a cap) before routing, so handlers only see form fields.
 *
 * @param pathParams values of {@code {name}} segments of the matched route
 */
public record Request(
        String method,
        String path,
        Map<String, List<String>> query,
        HeaderFields headers,
        Map<String, String> cookies,
        Map<String, List<String>> form,
        Map<String, String> pathParams) {

    public Request {
        query = Map.copyOf(query);
        cookies = Map.copyOf(cookies);
        form = Map.copyOf(form);
        pathParams = Map.copyOf(pathParams);
    }

    public Optional<String> queryParam(String name) {
        return first(query, name);
    }

    public Optional<String> formField(String name) {
        return first(form, name);
    }

    public Optional<String> header(String name) {
        return headers.first(name);
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public long pathLong(String name) {
        String value = pathParams.get(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new HttpError(404, "Not found");
        }
    }

    public Request withPathParams(Map<String, String> params) {
        return new Request(method, path, query, headers, cookies, form, params);
    }

    private static Optional<String> first(Map<String, List<String>> map, String name) {
        List<String> values = map.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
