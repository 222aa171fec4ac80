package io.desktopstarter.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.core.ponies.PonyStatus;
import io.desktopstarter.core.tasks.TaskState;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSS classes must not depend on the user's locale: in Turkish, "I".toLowerCase() is a dotless "ı". */
class CssClassLocaleTest {
    private Locale saved;

    @BeforeEach
    void turkish() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void classNamesStayAsciiInATurkishLocale() {
        assertThat(PonyStatus.GRAZING.cssClass()).isEqualTo("grazing");
        assertThat(PonyStatus.SHOW_READY.cssClass()).isEqualTo("show-ready");
        assertThat(TaskState.PENDING.cssClass()).isEqualTo("pending");
        assertThat(TaskState.RUNNING.cssClass()).isEqualTo("running");
        assertThat(Flash.Kind.SUCCESS.cssClass()).isEqualTo("success");
    }
}
