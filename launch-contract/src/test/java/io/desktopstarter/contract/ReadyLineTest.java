package io.desktopstarter.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.desktopstarter.contract.ReadyLine.Ready;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadyLineTest {
    @Test
    void theLineIsTheDocumentedFlatObject() {
        assertThat(ReadyLine.format(43121, 4242, "0.1.0-SNAPSHOT"))
                .isEqualTo("{\"event\":\"ready\",\"port\":43121,\"pid\":4242,\"version\":\"0.1.0-SNAPSHOT\"}");
    }

    @Test
    void theVersionIsEscapedAndReadBack() {
        String line = ReadyLine.format(1, 2, "1.0 \"quoted\" \\ back\tslash\u0001");

        assertThat(line).isEqualTo("{\"event\":\"ready\",\"port\":1,\"pid\":2,"
                + "\"version\":\"1.0 \\\"quoted\\\" \\\\ back\\tslash\\u0001\"}");
        assertThat(ReadyLine.parse(line)).contains(new Ready(1, 2, "1.0 \"quoted\" \\ back\tslash\u0001"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"ready\",\"port\":8080,\"pid\":77,\"version\":\"2.0\"}",
        "  { \"version\" : \"2.0\", \"pid\" : 77 , \"port\":8080,\"event\":\"ready\" }  ",
        "{\"event\":\"ready\",\"port\":8080,\"pid\":77,\"version\":\"2.\\u0030\",\"startup_ms\":120,\"extra\":null}"})
    void readyLinesParse(String line) {
        assertThat(ReadyLine.parse(line)).contains(new Ready(8080, 77, "2.0"));
        assertThat(ReadyLine.announcesReady(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"ready\",\"port\":0,\"pid\":77,\"version\":\"2.0\"}",
        "{\"event\":\"ready\",\"port\":65536,\"pid\":77,\"version\":\"2.0\"}",
        "{\"event\":\"ready\",\"port\":\"8080\",\"pid\":77,\"version\":\"2.0\"}",
        "{\"event\":\"ready\",\"port\":8080.0,\"pid\":77,\"version\":\"2.0\"}",
        "{\"event\":\"ready\",\"port\":8080,\"pid\":0,\"version\":\"2.0\"}",
        "{\"event\":\"ready\",\"port\":8080,\"pid\":77,\"version\":2}",
        "{\"event\":\"ready\",\"port\":8080,\"pid\":77}",
        "{\"event\":\"ready\",\"port\":99999999999999999999,\"pid\":77,\"version\":\"2.0\"}",
        "{\"event\":\"ready\",\"port\":-1,\"pid\":77,\"version\":\"2.0\"}"})
    void brokenReadyEventsDoNotParseButAnnounceThemselves(String line) {
        assertThat(ReadyLine.parse(line)).isEmpty();
        assertThat(ReadyLine.announcesReady(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "[0.1s][warning][aot] a JVM warning that went to stdout",
        "{\"event\":\"started\",\"port\":8080,\"pid\":77,\"version\":\"2.0\"}",
        "{\"event\":\"ready\",\"port\":8080,\"pid\":77,\"version\":\"2.0\"} trailing",
        "{\"event\":\"ready\",\"port\":8080,\"pid\":77,\"version\":\"2.0\",}",
        "{\"event\":\"ready\",\"port\":8080,\"pid\":77,\"version\":{\"major\":2}}",
        "{\"event\":\"ready\",\"port\":08080,\"pid\":77,\"version\":\"2.0\"}",
        "{\"event\":\"ready\",\"port\":8080,\"pid\":77,\"version\":\"2.0",
        "{\"event\":\"ready\",\"port\":8080,\"pid\":77,\"version\":\"bad \\x escape\"}",
        "{\"event\":\"ready\",\"port\":8080,\"pid\":77,\"version\":\"raw\ttab\"}",
        "{\"event\":\"ready\",\"port\":8080,\"port\":8081,\"pid\":77,\"version\":\"2.0\"}",
        "{\"event\":\"ready\",\"port\":1e,\"pid\":77,\"version\":\"2.0\"}"})
    void otherLinesAreNotReadyLines(String line) {
        assertThat(ReadyLine.parse(line)).isEmpty();
        assertThat(ReadyLine.announcesReady(line)).isFalse();
    }

    @Test
    void nullIsNotAReadyLine() {
        assertThat(ReadyLine.parse(null)).isEmpty();
        assertThat(ReadyLine.announcesReady(null)).isFalse();
    }

    @Test
    void onlyValidEventsFormat() {
        assertThatThrownBy(() -> ReadyLine.format(0, 1, "1.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadyLine.format(80, 0, "1.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReadyLine.format(80, 1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
