package io.desktopstarter.core.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Flash messages of the one session this backend serves (one shell, one token), so a queue in
 * memory is enough and nothing about them needs to travel in cookies.
 */
public final class FlashMessages {
    private final ConcurrentLinkedQueue<Flash> pending = new ConcurrentLinkedQueue<>();

    public void success(String text) {
        pending.add(new Flash(Flash.Kind.SUCCESS, text));
    }

    public void error(String text) {
        pending.add(new Flash(Flash.Kind.ERROR, text));
    }

    public List<Flash> drain() {
        List<Flash> out = new ArrayList<>();
        for (Flash f; (f = pending.poll()) != null; ) {
            out.add(f);
        }
        return out;
    }
}
