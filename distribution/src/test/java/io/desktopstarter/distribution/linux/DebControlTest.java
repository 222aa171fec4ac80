package io.desktopstarter.distribution.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.distribution.TestApps;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DebControlTest {
    /** A builder whose locale writes Arabic-Indic digits must still produce the control file dpkg reads. */
    @Test
    void theControlFileIsTheSameInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            String plain = DebPackage.control(TestApps.javafx("1.2.0"), List.of("libc6"), 123_456);
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            String arabic = DebPackage.control(TestApps.javafx("1.2.0"), List.of("libc6"), 123_456);

            assertThat(arabic).isEqualTo(plain).contains("Installed-Size: 123456\n");
        } finally {
            Locale.setDefault(before);
        }
    }
}
