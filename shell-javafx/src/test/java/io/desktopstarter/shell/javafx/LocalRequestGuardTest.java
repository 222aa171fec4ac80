package io.desktopstarter.shell.javafx;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.NavigationPolicy;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which of WebView's requests may leave the process: the backend's and the web's, never another local service's. */
class LocalRequestGuardTest {
    final Proxy corporate = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.example.com", 3128));
    final LocalRequestGuard guard = new LocalRequestGuard(new NavigationPolicy("http://127.0.0.1:51234"),
            Optional.of(ProxySelector.of(InetSocketAddress.createUnresolved("proxy.example.com", 3128))));

    @Test
    void anotherLocalPortGoesNowhere() {
        assertThat(guard.select(URI.create("http://127.0.0.1:8080/admin/reset"))).containsExactly(LocalRequestGuard.REFUSING);
        assertThat(guard.select(URI.create("http://localhost:51234/"))).as("same port, other host name: another origin")
                .containsExactly(LocalRequestGuard.REFUSING);
        assertThat(guard.select(URI.create("https://[::1]:9000/"))).containsExactly(LocalRequestGuard.REFUSING);
    }

    @Test
    void theBackendAndTheWebKeepTheProxyTheyHad() {
        assertThat(guard.select(URI.create("http://127.0.0.1:51234/items/"))).containsExactly(corporate);
        assertThat(guard.select(URI.create("https://github.com/releases/latest"))).containsExactly(corporate);
    }

    @Test
    void withoutAnEarlierSelectorTheBackendGoesDirect() {
        LocalRequestGuard alone = new LocalRequestGuard(new NavigationPolicy("http://127.0.0.1:51234"), Optional.empty());
        assertThat(alone.select(URI.create("http://127.0.0.1:51234/"))).isEqualTo(List.of(Proxy.NO_PROXY));
    }
}
