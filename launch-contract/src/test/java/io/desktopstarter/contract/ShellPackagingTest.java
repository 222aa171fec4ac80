package io.desktopstarter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShellPackagingTest {
    static ShellPackaging read(String text) throws IOException {
        return ShellPackaging.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static final String MINIMAL = """
            shell.id=demo
            shell.displayName=Demo
            shell.mainClass=org.example.Main
            shell.icon=org/example/icon.png
            """;

    @Test
    void aShellWithoutNativesNeedsOnlyItsNamesMainClassAndIcon() throws Exception {
        ShellPackaging shell = read(MINIMAL + "linux.debDepends= libgtk-3-0 ,libgl1,\n");

        assertThat(shell.id()).isEqualTo("demo");
        assertThat(shell.debDepends()).containsExactly("libgtk-3-0", "libgl1");
        assertThat(shell.rpmRequires()).isEmpty();
        assertThat(shell.jlinkExcluded()).isEmpty();
        assertThat(shell.natives()).isEmpty();
    }

    @Test
    void nativesAreDescribedCompletelyOrNotAtAll() throws Exception {
        ShellPackaging shell = read(MINIMAL + """
                natives.jar=lib-natives-*.jar
                natives.archive=*.tar.gz
                natives.requiredFile=meta.json
                natives.marker=done
                natives.folder=natives
                natives.property=demo.natives.dir
                """);

        assertThat(shell.natives()).contains(new ShellPackaging.Natives("lib-natives-*.jar", "*.tar.gz", "meta.json", "done",
                "natives", "demo.natives.dir"));
        assertThatThrownBy(() -> read(MINIMAL + "natives.jar=lib-natives-*.jar\nnatives.folder=natives\n"))
                .hasMessageContaining("natives.archive, natives.requiredFile, natives.marker, natives.property");
    }

    @Test
    void everyMissingKeyIsNamedAtOnce() {
        assertThatThrownBy(() -> read("shell.id=demo\nshell.icon=\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("shell.displayName, shell.mainClass, shell.icon");
        assertThatThrownBy(() -> read(MINIMAL.replace("demo", "Demo Shell"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case");
    }
}
