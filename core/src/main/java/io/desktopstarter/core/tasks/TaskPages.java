package io.desktopstarter.core.tasks;

import io.desktopstarter.core.http.Response;
import io.desktopstarter.core.http.Router;
import io.desktopstarter.core.web.FlashMessages;
import io.desktopstarter.core.web.Templates;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The background-task demo page and the JSON it polls every two seconds. */
public final class TaskPages {
    static final int SHOWN = 20;

    private final TaskRepository tasks;
    private final Templates templates;
    private final FlashMessages flashes;

    public TaskPages(TaskRepository tasks, Templates templates, FlashMessages flashes) {
        this.tasks = tasks;
        this.templates = templates;
        this.flashes = flashes;
    }

    public void register(Router router) {
        router.get("/tasks/", r -> templates.page("tasks.jte", "Tasks", "tasks", Map.of("tasks", tasks.recent(SHOWN))))
                .post("/tasks/", r -> {
                    DemoTask task = tasks.create();
                    if (r.header("Accept").filter(a -> a.contains("application/json")).isPresent()) {
                        return Response.json(201, task.toJson());
                    }
                    flashes.success("Started task #" + task.id() + ".");
                    return Response.redirect("/tasks/");
                })
                .get("/tasks/status/", r -> Response.json(200, statusJson(tasks.recent(SHOWN))));
    }

    static String statusJson(List<DemoTask> list) {
        return list.stream().map(DemoTask::toJson).collect(Collectors.joining(",", "{\"tasks\":[", "]}"));
    }
}
