package io.desktopstarter.updater.trust;

/** A small document (feed, key list) and the text of its {@code .minisig}. */
public record SignedDocument(byte[] content, String signature) {
    public SignedDocument {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
