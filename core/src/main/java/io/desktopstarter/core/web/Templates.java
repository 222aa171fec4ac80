package io.desktopstarter.core.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.desktopstarter.core.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Renders the jte templates precompiled into the jar, with the page context every layout needs. */
public final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final FlashMessages flashes;
    private final String csrfToken;
    private final String version;

    public Templates(FlashMessages flashes, String csrfToken, String version) {
        this.flashes = flashes;
        this.csrfToken = csrfToken;
        this.version = version;
    }

    public Response page(int status, String template, String title, String nav, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", new PageContext(title, nav, csrfToken, flashes.drain(), version));
        StringOutput out = new StringOutput(8192);
        engine.render(template, all, out);
        return Response.html(status, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    public Response page(String template, String title, String nav, Map<String, Object> params) {
        return page(200, template, title, nav, params);
    }

    public Response error(int status, String message) {
        return page(status, "error.jte", status + " · " + message, "", Map.of("status", status, "message", message));
    }
}
