package io.desktopstarter.updater.download;

/** Progress of one download: bytes on disk (resumed bytes included), the announced total, and the current rate. */
public record DownloadProgress(long bytes, long total, long bytesPerSecond) {
    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, bytes * 100 / total);
    }
}
