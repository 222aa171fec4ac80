package io.desktopstarter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PackageFormatTest {
    @ParameterizedTest
    @EnumSource(PackageFormat.class)
    void everyFormatParsesFromItsId(PackageFormat format) {
        assertThat(PackageFormat.parse(format.id())).isSameAs(format);
        assertThat(format.toString()).isEqualTo(format.id());
    }

    @Test
    void theIdsAreTheFeedsAndFileNamesSpelling() {
        assertThat(PackageFormat.values()).extracting(PackageFormat::id)
                .containsExactly("tar.gz", "deb", "rpm", "msi", "exe", "dmg", "pkg");
    }

    @Test
    void anUnknownIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> PackageFormat.parse("zip")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'zip'").hasMessageContaining("tar.gz");
        assertThatThrownBy(() -> PackageFormat.parse("TAR_GZ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachOsHasItsFormatsAndADefault() {
        assertThat(PackageFormat.of(Platform.Os.LINUX)).containsExactly(PackageFormat.TAR_GZ, PackageFormat.DEB, PackageFormat.RPM);
        assertThat(PackageFormat.of(Platform.Os.WINDOWS)).containsExactly(PackageFormat.MSI, PackageFormat.EXE);
        assertThat(PackageFormat.of(Platform.Os.MACOS)).containsExactly(PackageFormat.DMG, PackageFormat.PKG);
        for (Platform.Os os : Platform.Os.values()) {
            assertThat(PackageFormat.defaultFor(os).os()).isEqualTo(os);
        }
        assertThat(PackageFormat.defaultFor(Platform.Os.LINUX)).isEqualTo(PackageFormat.TAR_GZ);
    }
}
