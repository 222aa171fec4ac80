package io.desktopstarter.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.contract.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredTest {
    @Test
    void aMissingRequirementIsAVisibleSkipOnADeveloperMachine() {
        assertThatThrownBy(() -> Required.that(false, "lintian is not installed", false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("lintian is not installed");
    }

    @Test
    void aMissingRequirementFailsWhenCiIsTrue() {
        assertThatThrownBy(() -> Required.that(false, "lintian is not installed", true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("lintian is not installed").hasMessageContaining("CI=true");
    }

    @Test
    void aMetRequirementLetsTheTestRunEverywhere() {
        assertThatCode(() -> Required.that(true, "unused", true)).doesNotThrowAnyException();
        assertThatCode(() -> Required.that(true, "unused", false)).doesNotThrowAnyException();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "sh is a POSIX shell")
    void toolsAreLookedUpOnThePath() {
        assertThat(Required.onPath("sh")).isTrue();
        assertThat(Required.onPath("no-such-tool-" + ProcessHandle.current().pid())).isFalse();
    }

    @Test
    void rootIsTheContractsEffectiveUid() {
        if (Platform.isRoot()) {
            assertThatCode(() -> Required.root("mount a tmpfs")).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> Required.root("mount a tmpfs")).hasMessageContaining("needs root's rights to mount a tmpfs");
        }
    }
}
