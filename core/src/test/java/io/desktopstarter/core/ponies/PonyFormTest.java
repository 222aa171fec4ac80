package io.desktopstarter.core.ponies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PonyFormTest {
    @Test
    void validSubmissionBecomesATrimmedDraft() {
        PonyForm form = PonyForm.fromSubmission(Map.of(
                "name", List.of("  Star  "), "status", List.of("SHOW_READY"), "notes", List.of(" a\r\nb ")));

        assertThat(form.draft()).hasValue(new PonyDraft("Star", PonyStatus.SHOW_READY, "a\nb"));
    }

    @Test
    void nameLimitCountsCharactersNotBytes() {
        String eighty = "é".repeat(80);

        assertThat(PonyForm.fromSubmission(Map.of("name", List.of(eighty), "status", List.of("GRAZING"))).valid())
                .isTrue();
        assertThat(PonyForm.fromSubmission(Map.of("name", List.of(eighty + "é"), "status", List.of("GRAZING")))
                .errors()).containsKey("name");
    }

    @Test
    void missingFieldsAreErrorsNotExceptions() {
        PonyForm form = PonyForm.fromSubmission(Map.of());

        assertThat(form.errors()).containsOnlyKeys("name", "status");
        assertThat(form.draft()).isEmpty();
    }

    @Test
    void controlCharactersInNameAreRejected() {
        assertThat(PonyForm.fromSubmission(Map.of("name", List.of("a\u0007b"), "status", List.of("GRAZING")))
                .errors()).containsKey("name");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"a\u0000b", "a\u001b[31mb", "\u202Egnp.exe", "a\u2066b", "a\u200Fb", "a\u061Cb"})
    void controlAndBidiCharactersAreRejectedInNameAndNotes(String text) {
        PonyForm form = PonyForm.fromSubmission(Map.of("name", List.of(text), "status", List.of("GRAZING"), "notes", List.of(text)));

        assertThat(form.errors()).containsKeys("name", "notes");
    }

    @Test
    void notesKeepLineBreaksAndTabs() {
        assertThat(PonyForm.fromSubmission(Map.of("name", List.of("Star"), "status", List.of("GRAZING"),
                "notes", List.of("line one\n\tline two"))).valid()).isTrue();
    }

    @Test
    void textStoredBeforeTheRuleIsShownWithReplacementCharacters() {
        assertThat(UnsafeText.forDisplay("a\u0000b\u202Ec\nd")).isEqualTo("a\uFFFDb\uFFFDc\nd");
    }
}
