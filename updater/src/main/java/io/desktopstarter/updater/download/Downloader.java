package io.desktopstarter.updater.download;

import io.desktopstarter.updater.policy.Rejection;
import io.desktopstarter.updater.policy.RejectionCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTPS downloads for the updater (Apache HttpClient 5, classic I/O). Redirects are followed by
 * hand so each hop is checked against the {@link io.desktopstarter.updater.policy.UrlPolicy}; bodies
 * are never decompressed, so the bytes counted are the bytes the feed announced; a body is cut off
 * the moment it passes the announced size. Interrupted downloads keep their bytes in a
 * {@code .part} file and continue with a {@code Range} request. A download the disk has no room for
 * is refused before it starts, and one that fills the disk on the way removes its {@code .part}: the
 * app's own data lives on the same disk, and a resume would need the same free space anyway.
 */
public final class Downloader implements AutoCloseable {
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    private final DownloadSettings settings;
    private final CloseableHttpClient client;

    public Downloader(DownloadSettings settings) {
        this.settings = settings;
        Timeout connect = Timeout.ofMilliseconds(settings.connectTimeout().toMillis());
        Timeout read = Timeout.ofMilliseconds(settings.readTimeout().toMillis());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.tls().get()))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect).setSocketTimeout(read).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(read).build())
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(settings.userAgent())
                .build();
    }

    /** A small document (feed, signature, key list), at most {@code maxBytes}; empty when the server says 404. */
    public Optional<byte[]> fetch(URI url, int maxBytes) throws DownloadException {
        try (Response response = open(url, 0)) {
            int status = response.http.getCode();
            if (status == 404 || status == 410) {
                return Optional.empty();
            }
            if (status != 200) {
                throw new DownloadException.Failed(url + " answered HTTP " + status);
            }
            HttpEntity entity = response.http.getEntity();
            if (entity == null) {
                return Optional.of(new byte[0]);
            }
            if (entity.getContentLength() > maxBytes) {
                throw new DownloadException.Refused(new Rejection(RejectionCode.SIZE_MISMATCH, url + " is "
                        + entity.getContentLength() + " bytes, more than the " + maxBytes + " allowed"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = entity.getContent()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    if (out.size() > maxBytes) {
                        throw new DownloadException.Refused(new Rejection(RejectionCode.SIZE_MISMATCH,
                                url + " sent more than the " + maxBytes + " bytes allowed"));
                    }
                }
            }
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            throw new DownloadException.Failed("could not fetch " + url + ": " + describe(e));
        }
    }

    /**
     * Downloads {@code url} into {@code part} (created or resumed), never writing more than
     * {@code size} bytes. The file is not verified here; the caller verifies before using it.
     */
    public DownloadOutcome download(URI url, long size, Path part, Consumer<DownloadProgress> progress,
            BooleanSupplier cancelled) {
        try {
            long have = Files.exists(part) ? Files.size(part) : 0;
            if (have > size) {
                Files.delete(part);
                have = 0;
            }
            if (have == size) {
                return new DownloadOutcome.Completed(part);
            }
            checkSpace(part, size - have, null);
            Files.createDirectories(part.toAbsolutePath().getParent());
            return transfer(url, size, part, have, progress, cancelled);
        } catch (NoSpaceException e) {
            deleteQuietly(part);
            return new DownloadOutcome.Failed(e.getMessage(), false);
        } catch (DownloadException e) {
            return switch (e) {
                case DownloadException.Refused refused -> {
                    deleteQuietly(part);
                    yield new DownloadOutcome.Rejected(refused.rejection());
                }
                case DownloadException.Failed failed -> new DownloadOutcome.Failed(failed.getMessage(), exists(part));
            };
        } catch (IOException e) {
            return new DownloadOutcome.Failed("download of " + url + " stopped: " + describe(e), exists(part));
        }
    }

    private DownloadOutcome transfer(URI url, long size, Path part, long have, Consumer<DownloadProgress> progress,
            BooleanSupplier cancelled) throws IOException, DownloadException {
        try (Response response = open(url, have)) {
            int status = response.http.getCode();
            long start = have;
            if (status == 416) {
                deleteQuietly(part);
                throw new DownloadException.Failed(url + " refused to resume (HTTP 416); the next attempt starts over");
            }
            if (status == 206) {
                start = resumeOffset(response.http, size);
                if (start != have) {
                    deleteQuietly(part);
                    throw new DownloadException.Failed(url + " resumed at byte " + start + " instead of " + have
                            + "; the next attempt starts over");
                }
            } else if (status == 200) {
                start = 0;
            } else {
                throw new DownloadException.Failed(url + " answered HTTP " + status);
            }
            HttpEntity entity = response.http.getEntity();
            if (entity == null) {
                throw new DownloadException.Failed(url + " sent no body");
            }
            long announced = entity.getContentLength();
            if (announced >= 0 && start + announced > size) {
                throw new DownloadException.Refused(new Rejection(RejectionCode.SIZE_MISMATCH, url + " would send "
                        + (start + announced) + " bytes, the feed announces " + size));
            }
            StandardOpenOption mode = start == 0 ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
            try (InputStream in = entity.getContent();
                    OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
                return copy(url, in, out, start, size, part, progress, cancelled);
            }
        }
    }

    private static DownloadOutcome copy(URI url, InputStream in, OutputStream out, long start, long size, Path part,
            Consumer<DownloadProgress> progress, BooleanSupplier cancelled) throws IOException, DownloadException {
        byte[] buffer = new byte[1 << 16];
        long written = start;
        long began = System.nanoTime();
        long lastReport = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (written + n > size) {
                throw new DownloadException.Refused(new Rejection(RejectionCode.SIZE_MISMATCH, url
                        + " sent more than the " + size + " bytes the feed announces"));
            }
            try {
                out.write(buffer, 0, n);
            } catch (IOException e) {
                checkSpace(part, size - written, e);
                throw e;
            }
            written += n;
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_INTERVAL_NANOS || written == size) {
                lastReport = now;
                long elapsed = Math.max(1, now - began);
                progress.accept(new DownloadProgress(written, size, (written - start) * 1_000_000_000L / elapsed));
            }
            if (cancelled.getAsBoolean()) {
                return new DownloadOutcome.Failed("download cancelled after " + written + " of " + size + " bytes", true);
            }
        }
        if (written < size) {
            throw new DownloadException.Failed("the connection ended after " + written + " of " + size
                    + " bytes; the next attempt resumes from there");
        }
        return new DownloadOutcome.Completed(part);
    }

    private static long resumeOffset(ClassicHttpResponse response, long size) throws DownloadException {
        Header header = response.getFirstHeader("Content-Range");
        Matcher m = header == null ? null : CONTENT_RANGE.matcher(header.getValue().trim());
        if (m == null || !m.matches()) {
            throw new DownloadException.Failed("partial response without a usable Content-Range");
        }
        if (!m.group(3).equals("*") && Long.parseLong(m.group(3)) != size) {
            throw new DownloadException.Refused(new Rejection(RejectionCode.SIZE_MISMATCH, "the server says the file has "
                    + m.group(3) + " bytes, the feed announces " + size));
        }
        return Long.parseLong(m.group(1));
    }

    /** Sends GET, following redirects only to URLs the policy allows. */
    private Response open(URI url, long rangeStart) throws IOException, DownloadException {
        URI current = url;
        for (int hop = 0; ; hop++) {
            if (!settings.urls().allows(current)) {
                throw new DownloadException.Refused(new Rejection(RejectionCode.INSECURE_URL,
                        (hop == 0 ? "not an HTTPS URL: " : "redirect to a non-HTTPS URL: ") + current));
            }
            HttpGet get = new HttpGet(current);
            if (rangeStart > 0) {
                get.addHeader("Range", "bytes=" + rangeStart + "-");
            }
            ClassicHttpResponse response = client.executeOpen(null, get, null);
            int status = response.getCode();
            if (status < 300 || status >= 400 || status == 304) {
                return new Response(response);
            }
            Header location = response.getFirstHeader("Location");
            response.close();
            if (location == null) {
                throw new DownloadException.Failed(current + " answered HTTP " + status + " without a Location");
            }
            if (hop >= settings.maxRedirects()) {
                throw new DownloadException.Failed("more than " + settings.maxRedirects() + " redirects from " + url);
            }
            try {
                current = current.resolve(new URI(location.getValue().trim()));
            } catch (URISyntaxException e) {
                throw new DownloadException.Failed("redirect to an invalid URL: " + location.getValue());
            }
        }
    }

    private record Response(ClassicHttpResponse http) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            http.close();
        }
    }

    /** What went wrong in words a user can act on, with the exception for whoever reads the log. */
    static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        String detail = e.getMessage() == null ? name : name + ": " + e.getMessage();
        return switch (e) {
            case UnknownHostException u -> "cannot find the server; is this computer offline? (" + detail + ")";
            case ConnectException c -> "the server refused the connection (" + detail + ")";
            case SocketTimeoutException t -> "the server stopped answering (" + detail + ")";
            case SSLHandshakeException h -> "no secure connection: the server's certificate is not trusted here, or it speaks"
                    + " no common TLS version (" + detail + ")";
            default -> detail;
        };
    }

    /**
     * Throws {@link NoSpaceException} when the disk holding {@code part} has less room than the
     * {@code needed} bytes still to come (before the download, or after a write failed with
     * {@code cause}). A file system that reports no size at all is not judged.
     */
    private static void checkSpace(Path part, long needed, IOException cause) throws NoSpaceException {
        Path existing = part.toAbsolutePath();
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        long free;
        try {
            FileStore store = Files.getFileStore(existing);
            if (store.getTotalSpace() <= 0) {
                return;
            }
            free = store.getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (free < needed) {
            throw new NoSpaceException(String.format(Locale.ROOT, "not enough disk space for the update: %s more are needed in %s"
                    + " but only %s are free. Free some space on that disk and try again.", size(needed),
                    part.toAbsolutePath().getParent(), size(free)), cause);
        }
    }

    private static String size(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%,d bytes", bytes)
                : String.format(Locale.ROOT, "%.1f MB (%,d bytes)", bytes / 1e6, bytes);
    }

    /** The disk cannot hold the download; its message is for the user. */
    private static final class NoSpaceException extends IOException {
        NoSpaceException(String message, IOException cause) {
            super(message, cause);
        }
    }

    private static boolean exists(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: a leftover .part is restarted or overwritten by the next attempt.
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
