package io.desktopstarter.core.ponies;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.core.support.TestBackend;
import io.desktopstarter.core.support.TestClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PonyPagesTest {
    @TempDir
    Path appData;
    TestBackend backend;
    TestClient client;

    @BeforeEach
    void start() throws Exception {
        backend = TestBackend.start(appData);
        client = backend.client();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void firstRunShowsTheThreeSeededPonies() throws Exception {
        String page = client.get("/items/").body();

        assertThat(page).contains("Starlight Sprinkle", "Thunder Hoof", "Velvet Mane");
        assertThat(ids(page)).hasSize(3);
    }

    @Test
    void createEditDeleteRoundTripWithFlashMessages() throws Exception {
        HttpResponse<String> created = client.submit("/items/new/",
                Map.of("name", "  Midnight <Comet>  ", "status", "GALLOPING", "notes", "Likes \"apples\""));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location")).hasValue("/items/");

        String list = client.get("/items/").body();
        assertThat(list).contains("Added Midnight &lt;Comet&gt;.")
                .contains("<h2><bdi>Midnight &lt;Comet&gt;</bdi></h2>")
                .doesNotContain("<Comet>");
        long id = idOf(list, "Midnight &lt;Comet&gt;");

        assertThat(client.get("/items/" + id + "/edit/").body()).contains("value=\"Midnight &lt;Comet>\"");
        HttpResponse<String> edited = client.submit("/items/" + id + "/edit/",
                Map.of("name", "Midnight Comet", "status", "SHOW_READY", "notes", ""));
        assertThat(edited.statusCode()).isEqualTo(303);
        String afterEdit = client.get("/items/").body();
        assertThat(afterEdit).contains("Saved Midnight Comet.").contains("Show Ready");
        assertThat(client.get("/items/").body()).doesNotContain("Saved Midnight Comet.");

        assertThat(client.get("/items/" + id + "/delete/").body()).contains("Delete <bdi>Midnight Comet</bdi>?");
        assertThat(client.submit("/items/" + id + "/delete/", Map.of()).statusCode()).isEqualTo(303);
        String afterDelete = client.get("/items/").body();
        assertThat(afterDelete).contains("Deleted Midnight Comet.").doesNotContain("<bdi>Midnight Comet</bdi>");
        assertThat(client.get("/items/" + id + "/edit/").statusCode()).isEqualTo(404);
    }

    @Test
    void invalidFormIsShownAgainWithErrorsAndStoresNothing() throws Exception {
        int before = ids(client.get("/items/").body()).length;

        HttpResponse<String> blank = client.submit("/items/new/", Map.of("name", "   ", "status", "GRAZING"));
        HttpResponse<String> longName = client.submit("/items/new/", Map.of("name", "x".repeat(81), "status", "GRAZING"));
        HttpResponse<String> badStatus = client.submit("/items/new/", Map.of("name", "Ok", "status", "FLYING"));
        HttpResponse<String> longNotes = client.submit("/items/new/",
                Map.of("name", "Ok", "status", "GRAZING", "notes", "n".repeat(501)));

        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("Give the pony a name.");
        assertThat(longName.statusCode()).isEqualTo(422);
        assertThat(longName.body()).contains("Keep the name to 80 characters or fewer.");
        assertThat(badStatus.statusCode()).isEqualTo(422);
        assertThat(badStatus.body()).contains("Pick one of the listed statuses.");
        assertThat(longNotes.statusCode()).isEqualTo(422);
        assertThat(longNotes.body()).contains("Keep the notes to 500 characters or fewer.");
        assertThat(ids(client.get("/items/").body())).hasSize(before);
    }

    @Test
    void missingPonyIs404AndWrongMethodIs405() throws Exception {
        assertThat(client.get("/items/999999/edit/").statusCode()).isEqualTo(404);
        assertThat(client.get("/items/abc/edit/").statusCode()).isEqualTo(404);
        HttpResponse<String> notFound = client.get("/nothing-here/");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("Page not found").contains("Back to My Ponies");

        HttpResponse<String> wrongMethod = client.method("DELETE", "/items/");
        assertThat(wrongMethod.statusCode()).isEqualTo(403); // no CSRF token: the gate answers first
        HttpResponse<String> put = client.withHeader("X-CSRF-Token", client.csrfToken()).method("PUT", "/items/");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void oversizedAndMalformedBodiesAreRejected() throws Exception {
        String csrf = client.csrfToken();
        byte[] huge = ("csrf_token=" + csrf + "&name=" + "x".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(client.postRaw("/items/new/", "application/x-www-form-urlencoded", huge).statusCode()).isEqualTo(413);

        byte[] malformed = ("csrf_token=" + csrf + "&name=%ZZ").getBytes(StandardCharsets.UTF_8);
        assertThat(client.postRaw("/items/new/", "application/x-www-form-urlencoded", malformed).statusCode())
                .isEqualTo(400);
        byte[] badUtf8 = {'n', 'a', 'm', 'e', '=', (byte) 0xC3, (byte) 0x28};
        assertThat(client.withHeader("X-CSRF-Token", csrf)
                .postRaw("/items/new/", "application/x-www-form-urlencoded", badUtf8).statusCode()).isEqualTo(400);
        assertThat(ids(client.get("/items/").body())).hasSize(3);
    }

    @Test
    void seedingHappensOnceAndNeverAfterTheUserDeletesEverything() throws Exception {
        for (long id : ids(client.get("/items/").body())) {
            assertThat(client.submit("/items/" + id + "/delete/", Map.of()).statusCode()).isEqualTo(303);
        }
        assertThat(client.get("/items/").body()).contains("No ponies yet.");

        backend.close();
        backend = TestBackend.start(TestBackend.settings(appData, TestBackend.newToken()));
        client = backend.client();

        assertThat(client.get("/items/").body()).contains("No ponies yet.");
        assertThat(ids(client.get("/items/").body())).isEmpty();
    }

    private static long[] ids(String page) {
        return Pattern.compile("href=\"/items/(\\d+)/edit/\"").matcher(page).results()
                .mapToLong(m -> Long.parseLong(m.group(1))).toArray();
    }

    private static long idOf(String page, String escapedName) {
        Matcher m = Pattern.compile("<h2><bdi>" + Pattern.quote(escapedName) + "</bdi></h2>[\\s\\S]*?href=\"/items/(\\d+)/edit/\"")
                .matcher(page);
        assertThat(m.find()).as("pony %s on the page", escapedName).isTrue();
        return Long.parseLong(m.group(1));
    }
}
