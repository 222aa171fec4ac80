package io.desktopstarter.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PlatformTest {
    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, linux, x64",
        "Linux, aarch64, linux, arm64",
        "Windows 11, amd64, windows, x64",
        "Windows Server 2022, aarch64, windows, arm64",
        "Mac OS X, aarch64, macos, arm64",
        "Mac OS X, x86_64, macos, x64",
        "Darwin, arm64, macos, arm64",
        "FreeBSD, sparcv9, linux, x64"})
    void osNameAndArchInTheProjectsSpelling(String osName, String osArch, String os, String arch) {
        Platform platform = Platform.of(osName, osArch);

        assertThat(platform.os().id()).isEqualTo(os);
        assertThat(platform.arch().id()).isEqualTo(arch);
    }

    @Test
    void executablesEndInExeOnWindowsOnly() {
        assertThat(Platform.of("Windows 10", "amd64").exe("java")).isEqualTo("java.exe");
        assertThat(Platform.of("Linux", "amd64").exe("java")).isEqualTo("java");
        assertThat(Platform.of("Mac OS X", "aarch64").exe("java")).isEqualTo("java");
    }

    @Test
    void rootIsTheEffectiveUid() {
        assertThat(Platform.effectiveUidIsZero(List.of("Name:\tjava", "Uid:\t0\t0\t0\t0", "Gid:\t0\t0\t0\t0"))).isTrue();
        assertThat(Platform.effectiveUidIsZero(List.of("Uid:\t1000\t0\t1000\t0"))).isTrue();
        assertThat(Platform.effectiveUidIsZero(List.of("Uid:\t0\t1000\t0\t1000"))).isFalse();
        assertThat(Platform.effectiveUidIsZero(List.of("Uid:\t1000\t1000\t1000\t1000"))).isFalse();
        assertThat(Platform.effectiveUidIsZero(List.of("Name:\tjava"))).isFalse();
    }
}
