package io.desktopstarter.core.http;

import io.desktopstarter.core.db.StorageException;
import io.desktopstarter.core.http.wire.HeaderFields;
import io.desktopstarter.core.http.wire.RequestBody;
import io.desktopstarter.core.http.wire.RequestHead;
import io.desktopstarter.core.http.wire.WireException;
import io.desktopstarter.core.http.wire.WireHandler;
import io.desktopstarter.core.http.wire.WireResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorizes, parses, routes and answers every request. The head is checked first; a request that
 * fails gets a fixed "Forbidden" and a closed connection, with nothing of it parsed, read or
 * rendered. Only then are the body, query and form read, and errors rendered as pages.
 */
public final class Dispatcher implements WireHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final SecurityGate gate;
    private final Router router;
    private final ErrorRenderer errors;

    public Dispatcher(SecurityGate gate, Router router, ErrorRenderer errors) {
        this.gate = gate;
        this.router = router;
        this.errors = errors;
    }

    /** Renders error pages (404, 405, 400, 413, 500) for authenticated users. */
    @FunctionalInterface
    public interface ErrorRenderer {
        Response render(int status, String message);
    }

    @Override
    public WireResponse handle(RequestHead head, RequestBody body) throws IOException, WireException {
        long started = System.nanoTime();
        // Log the path only: the bootstrap query carries the session token.
        if (gate.checkHead(head) instanceof SecurityGate.Decision.Denied denied) {
            LOG.info("Refused {} {}: {}", head.method(), head.rawPath(), denied.reason());
            return WireResponse.refusal(403, "Forbidden");
        }
        Response response;
        try {
            response = respond(head, body);
        } catch (HttpError e) {
            response = errors.render(e.status(), e.getMessage());
        } catch (StorageException e) {
            // Disk full or read-only: say so (the message names the file and what to do), not "something went wrong".
            LOG.error("Storage failed for {} {}: {}", head.method(), head.rawPath(), e.getMessage());
            response = errors.render(503, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unhandled error for {} {}", head.method(), head.rawPath(), e);
            response = errors.render(500, "Something went wrong. The details are in the log file.");
        }
        LOG.debug("{} {} -> {} in {} ms", head.method(), head.rawPath(), response.status(),
                (System.nanoTime() - started) / 1_000_000);
        return wire(response);
    }

    private Response respond(RequestHead head, RequestBody body) throws IOException, WireException {
        if (body.declaredLength() > FormParser.MAX_BODY_BYTES) {
            throw new HttpError(413, "Request body too large");
        }
        Map<String, List<String>> form = Map.of();
        if (body.declaredLength() > 0) {
            byte[] bytes = body.read(FormParser.MAX_BODY_BYTES);
            String type = head.headers().first("Content-Type").orElse("");
            if (type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                form = FormParser.parse(bytes);
            }
        }
        Request request = new Request(head.method(), head.rawPath(), FormParser.parse(head.rawQuery().orElse(null)),
                head.headers(), Cookies.parse(head.headers().all("Cookie")), form, Map.of());
        if (gate.checkRequest(request) instanceof SecurityGate.Decision.Denied denied) {
            LOG.info("Refused {} {}: {}", head.method(), head.rawPath(), denied.reason());
            return Response.forbidden();
        }
        return switch (router.match(request.method(), request.path())) {
            case Router.Match.Found found -> invoke(found.handler(), request.withPathParams(found.params()));
            case Router.Match.MethodNotAllowed m ->
                    errors.render(405, "Method not allowed").withHeader("Allow", String.join(", ", m.allowed()));
            case Router.Match.NotFound ignored -> errors.render(404, "Page not found");
        };
    }

    private static Response invoke(Handler handler, Request request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static WireResponse wire(Response response) {
        List<HeaderFields.Field> headers = new ArrayList<>();
        headers.add(new HeaderFields.Field("Content-Type", response.contentType()));
        if (!response.headers().containsKey("Cache-Control")) {
            headers.add(new HeaderFields.Field("Cache-Control", "no-store"));
        }
        response.headers().forEach((name, value) -> headers.add(new HeaderFields.Field(name, value)));
        return new WireResponse(response.status(), headers, response.body(), false);
    }
}
