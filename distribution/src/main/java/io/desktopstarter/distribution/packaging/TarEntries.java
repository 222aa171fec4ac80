package io.desktopstarter.distribution.packaging;

import java.time.Instant;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** What makes our tar entries reproducible: one fixed time, owner root:root, an explicit mode. */
public final class TarEntries {
    private TarEntries() {
    }

    public static TarArchiveEntry normalized(TarArchiveEntry entry, Instant mtime, int mode) {
        entry.setModTime(Date.from(mtime));
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("root");
        entry.setGroupName("root");
        entry.setMode(mode);
        return entry;
    }
}
