package io.desktopstarter.distribution.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibrarySearchPathsTest {
    @Test
    void readsTheSearchPathFromObjdump() {
        String objdump = """
                Dynamic Section:
                  NEEDED               libcef.so
                  RPATH                .:$ORIGIN
                  INIT                 0x0000000000012000
                """;
        assertThat(LibrarySearchPaths.searchPath(objdump)).contains(".:$ORIGIN");
        assertThat(LibrarySearchPaths.searchPath("  RUNPATH              /opt/x/lib\n")).contains("/opt/x/lib");
        assertThat(LibrarySearchPaths.searchPath("  NEEDED               libc.so.6\n")).isEmpty();
    }

    @Test
    void keepsOnlyEntriesThatDoNotDependOnTheWorkingDirectory() {
        assertThat(LibrarySearchPaths.keep(".:$ORIGIN")).isEqualTo("$ORIGIN");
        assertThat(LibrarySearchPaths.keep("lib:../x:${ORIGIN}/../lib:/usr/lib/app")).isEqualTo("${ORIGIN}/../lib:/usr/lib/app");
        assertThat(LibrarySearchPaths.keep(".")).isEmpty();
        assertThat(LibrarySearchPaths.keep("$ORIGIN")).isEqualTo("$ORIGIN");
    }
}
