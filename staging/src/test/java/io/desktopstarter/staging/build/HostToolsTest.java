package io.desktopstarter.staging.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs({OS.LINUX, OS.MAC})
class HostToolsTest {
    private static final List<String> SHOW_ENV = List.of("sh", "-c",
            "echo \"TZ=$TZ LC_ALL=$LC_ALL JTO=${JAVA_TOOL_OPTIONS-unset} EPOCH=$SOURCE_DATE_EPOCH\"");

    /** What the tools write must not follow the builder's zone, language or JVM options (a CDS dump in Tokyo differs). */
    @Test
    void toolsRunInUtcWithTheCLocaleAndNoInheritedJvmOptions() throws StageException {
        String seen = HostTools.run(SHOW_ENV, Map.of("SOURCE_DATE_EPOCH", "1795392000"), "dash").strip();

        assertThat(seen).isEqualTo("TZ=UTC LC_ALL=C JTO=unset EPOCH=1795392000");
    }

    @Test
    void aMissingToolNamesItsDebianPackage() {
        assertThatThrownBy(() -> HostTools.run(List.of("no-such-tool-here"), "some-package"))
                .hasMessageContaining("apt-get install some-package");
        assertThatThrownBy(() -> HostTools.runBuilt(List.of("/no/such/runtime/bin/java")))
                .hasMessageContaining("the build made it");
    }
}
