package io.desktopstarter.updater.flow;

import io.desktopstarter.updater.download.DownloadException;
import io.desktopstarter.updater.download.Downloader;
import io.desktopstarter.updater.feed.FeedParser;
import io.desktopstarter.updater.kit.UpdateKit;
import io.desktopstarter.updater.trust.SignedDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the feed comes from: an HTTPS URL (with {@code latest.json.minisig}, {@code keys.json} and
 * {@code keys.json.minisig} beside it) or a local file for tests and kits.
 */
public sealed interface FeedSource {
    record Remote(URI feed) implements FeedSource {
    }

    record LocalFile(Path feed) implements FeedSource {
    }

    /** {@code https://…} / {@code http://…} is remote, anything else a file path. */
    static FeedSource parse(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? new Remote(URI.create(value.strip()))
                : new LocalFile(Path.of(value.strip()));
    }

    /** Fetches the feed documents; a missing signature is not an error here (the policy rejects it). */
    default UpdateCheck.Documents fetch(Downloader downloader) throws IOException, DownloadException {
        return switch (this) {
            case LocalFile(Path feed) -> UpdateKit.readFeedFile(feed);
            case Remote(URI feed) -> {
                byte[] json = downloader.fetch(feed, FeedParser.MAX_FEED_BYTES)
                        .orElseThrow(() -> new DownloadException.Failed(feed + " does not exist (HTTP 404)"));
                Optional<String> signature = text(downloader, URI.create(feed + ".minisig"));
                Optional<byte[]> keys = downloader.fetch(feed.resolve(UpdateKit.KEYS), FeedParser.MAX_FEED_BYTES);
                Optional<SignedDocument> keyList = keys.isPresent()
                        ? Optional.of(new SignedDocument(keys.get(), text(downloader, feed.resolve(UpdateKit.KEYS_SIGNATURE)).orElse("")))
                        : Optional.empty();
                yield new UpdateCheck.Documents(json, signature, keyList);
            }
        };
    }

    private static Optional<String> text(Downloader downloader, URI url) throws DownloadException {
        return downloader.fetch(url, 64 * 1024).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
}
