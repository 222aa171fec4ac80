package io.desktopstarter.updater.trust;

import java.time.Instant;

/** A signed key list as the updater accepted it, and when: it is checked again as of that moment. */
public record AcceptedKeyList(SignedDocument list, Instant acceptedAt) {
}
