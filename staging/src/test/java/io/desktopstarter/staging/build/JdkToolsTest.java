package io.desktopstarter.staging.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkToolsTest {
    /** A fresh process per tool: nothing of the build JVM (its zone, its earlier work) reaches what jlink writes. */
    @Test
    void aToolRunsAsItsOwnProcessInTheFixedEnvironment(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("Show.java"), """
                class Show {
                    public static void main(String[] args) {
                        System.out.println(ProcessHandle.current().parent().map(p -> p.pid()).orElse(-1L) + " "
                                + System.getenv("TZ") + " " + System.getenv("LC_ALL"));
                    }
                }
                """);

        String seen = JdkTools.run("java", List.of(program.toString())).strip();

        assertThat(seen).isEqualTo(ProcessHandle.current().pid() + " UTC C");
    }

    /** jdeps' answer is its last line of standard output; what a tool says on standard error stays out of it. */
    @Test
    void onlyStandardOutputIsTheAnswer() throws Exception {
        assertThat(JdkTools.run("java", List.of("-version"))).isEmpty();
        assertThat(JdkTools.run("jlink", List.of("--version")).strip()).startsWith(Runtime.version().feature() + ".");
    }

    @Test
    void aFailureSaysWhatTheToolSaid() {
        assertThatThrownBy(() -> JdkTools.run("jlink", List.of("--no-such-option")))
                .isInstanceOf(StageException.class).hasMessageContaining("jlink failed (exit")
                .hasMessageContaining("--no-such-option");
        assertThatThrownBy(() -> JdkTools.run("no-such-jdk-tool", List.of()))
                .hasMessageContaining("building needs a full JDK 25");
    }
}
