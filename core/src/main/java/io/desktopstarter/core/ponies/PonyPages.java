package io.desktopstarter.core.ponies;

import io.desktopstarter.core.http.HttpError;
import io.desktopstarter.core.http.Request;
import io.desktopstarter.core.http.Response;
import io.desktopstarter.core.http.Router;
import io.desktopstarter.core.web.FlashMessages;
import io.desktopstarter.core.web.Templates;
import java.util.Map;

/** "My Ponies": list, create, edit and (confirmed) delete. */
public final class PonyPages {
    static final String NAV = "items";

    private final PonyRepository ponies;
    private final Templates templates;
    private final FlashMessages flashes;

    public PonyPages(PonyRepository ponies, Templates templates, FlashMessages flashes) {
        this.ponies = ponies;
        this.templates = templates;
        this.flashes = flashes;
    }

    public void register(Router router) {
        router.get("/items/", r -> list())
                .get("/items/new/", r -> form(PonyForm.empty(), 0, 200))
                .post("/items/new/", this::create)
                .get("/items/{id}/edit/", r -> form(PonyForm.of(load(r)), load(r).id(), 200))
                .post("/items/{id}/edit/", this::update)
                .get("/items/{id}/delete/", r -> templates.page(
                        "ponies/delete.jte", "Delete " + UnsafeText.forDisplay(load(r).name()), NAV, Map.of("pony", load(r))))
                .post("/items/{id}/delete/", this::delete);
    }

    private Response list() {
        return templates.page("ponies/list.jte", "My Ponies", NAV, Map.of("ponies", ponies.list()));
    }

    private Response form(PonyForm form, long id, int status) {
        String title = id == 0 ? "New pony" : "Edit " + form.name();
        return templates.page(status, "ponies/form.jte", title, NAV, Map.of("form", form, "ponyId", id));
    }

    private Response create(Request request) {
        PonyForm form = PonyForm.fromSubmission(request.form());
        return form.draft().map(draft -> {
            ponies.create(draft);
            flashes.success("Added " + draft.name() + ".");
            return Response.redirect("/items/");
        }).orElseGet(() -> form(form, 0, 422));
    }

    private Response update(Request request) {
        Pony existing = load(request);
        PonyForm form = PonyForm.fromSubmission(request.form());
        return form.draft().map(draft -> {
            if (!ponies.update(existing.id(), draft)) {
                throw new HttpError(404, "Page not found");
            }
            flashes.success("Saved " + draft.name() + ".");
            return Response.redirect("/items/");
        }).orElseGet(() -> form(form, existing.id(), 422));
    }

    private Response delete(Request request) {
        Pony existing = load(request);
        if (ponies.delete(existing.id())) {
            flashes.success("Deleted " + existing.name() + ".");
        }
        return Response.redirect("/items/");
    }

    private Pony load(Request request) {
        return ponies.find(request.pathLong("id")).orElseThrow(() -> new HttpError(404, "Page not found"));
    }
}
