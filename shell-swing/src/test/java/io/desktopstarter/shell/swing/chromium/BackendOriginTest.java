package io.desktopstarter.shell.swing.chromium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.shell.swing.chromium.BackendOrigin.Resource;
import org.junit.jupiter.api.Test;

class BackendOriginTest {
    final BackendOrigin origin = new BackendOrigin("http://127.0.0.1:51234");

    @Test
    void onlyTheExactOriginGetsTheToken() {
        assertThat(origin.decide("http://127.0.0.1:51234/items/")).isEqualTo(Resource.SEND_WITH_TOKEN);
        assertThat(origin.decide("HTTP://127.0.0.1:51234/static/app.css?v=1")).isEqualTo(Resource.SEND_WITH_TOKEN);
        assertThat(origin.decide("http://127.0.0.1:51235/")).isEqualTo(Resource.CANCEL); // another local service
        assertThat(origin.decide("http://localhost:51234/")).isEqualTo(Resource.CANCEL); // same server, other origin
        assertThat(origin.decide("https://127.0.0.1:51234/")).isEqualTo(Resource.CANCEL);
        assertThat(origin.decide("http://127.0.0.1/")).isEqualTo(Resource.CANCEL);
        assertThat(origin.decide("http://user@127.0.0.1:51234/")).isEqualTo(Resource.CANCEL);
        assertThat(origin.decide("http://127.0.0.1:51234.evil.example/")).isEqualTo(Resource.CANCEL);
        assertThat(origin.decide("https://example.com/")).isEqualTo(Resource.CANCEL);
        assertThat(origin.decide("ws://127.0.0.1:51234/")).isEqualTo(Resource.CANCEL);
        assertThat(origin.decide("not a url")).isEqualTo(Resource.CANCEL);
        assertThat(origin.decide(null)).isEqualTo(Resource.CANCEL);
    }

    @Test
    void inlineDataStaysLocalWithoutToken() {
        assertThat(origin.decide("data:image/png;base64,AAAA")).isEqualTo(Resource.LOCAL);
        assertThat(origin.decide("blob:http://127.0.0.1:51234/5c1f")).isEqualTo(Resource.LOCAL);
        assertThat(origin.decide("blob:http://127.0.0.1:9999/5c1f")).isEqualTo(Resource.CANCEL);
    }

    @Test
    void originMustBeComplete() {
        assertThatThrownBy(() -> new BackendOrigin("http://127.0.0.1")).isInstanceOf(IllegalArgumentException.class);
    }
}
