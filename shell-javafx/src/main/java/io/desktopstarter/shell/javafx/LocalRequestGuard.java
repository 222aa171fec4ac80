package io.desktopstarter.shell.javafx;

import io.desktopstarter.shell.common.NavigationPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Keeps WebView's requests away from other local services. WebKit in JavaFX has no hook before a navigation's request
 * (JCEF's {@code onBeforeBrowse}); the window's guard can only undo a script's {@code location.href = } to another
 * loopback port after its GET was sent, which is all a localhost CSRF needs. WebView's network stack asks the JVM's
 * default {@link ProxySelector} for every request, so this one routes the requests the navigation policy blocks to a
 * proxy that refuses every connection (port 0), and everything else as before.
 */
final class LocalRequestGuard extends ProxySelector {
    /** Connecting to port 0 fails at once: the request never leaves the process. */
    static final Proxy REFUSING = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

    private final NavigationPolicy policy;
    private final Optional<ProxySelector> previous;

    LocalRequestGuard(NavigationPolicy policy, Optional<ProxySelector> previous) {
        this.policy = policy;
        this.previous = previous;
    }

    /** Installs the guard for {@code policy} as the JVM's default, before WebView's network stack is first used. */
    static void install(NavigationPolicy policy) {
        ProxySelector current = ProxySelector.getDefault();
        Optional<ProxySelector> previous = current instanceof LocalRequestGuard guard ? guard.previous : Optional.ofNullable(current);
        ProxySelector.setDefault(new LocalRequestGuard(policy, previous));
    }

    @Override
    public List<Proxy> select(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if ((scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                && policy.decide(uri.toString()) == NavigationPolicy.Decision.BLOCK) {
            return List.of(REFUSING);
        }
        return previous.map(p -> p.select(uri)).orElse(List.of(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        previous.ifPresent(p -> p.connectFailed(uri, address, failure));
    }
}
