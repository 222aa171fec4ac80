package io.desktopstarter.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.testsupport.Required;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The GitHub workflows cannot run here, so a schema validator from npm checks them (pinned version). */
class WorkflowFilesTest {
    static final String VALIDATOR = "@action-validator/cli@0.6.0";

    @ParameterizedTest
    @ValueSource(strings = {"ci.yml", "release.yml"})
    void workflowFilesAreValid(String name) throws Exception {
        Path workflow = Path.of("..", ".github", "workflows", name).toAbsolutePath().normalize();
        assertThat(workflow).exists();
        Required.tool("npx", "npm");
        Commands.Result result = Commands.run(workflow.getParent(), Map.of(), "npx", "--yes", VALIDATOR, workflow.toString());
        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(Files.readString(workflow)).contains("./mvnw");
    }
}
