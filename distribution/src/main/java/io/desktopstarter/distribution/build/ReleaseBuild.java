package io.desktopstarter.distribution.build;

import java.util.List;

/**
 * The release build as named steps, in two parts around the app image, which the jpackage-maven-plugin makes from
 * the pom's settings between them (distribution/pom.xml): {@link Part#INPUTS} prepares what jpackage reads,
 * {@link Part#RELEASE} turns the image into installers and release files.
 */
public final class ReleaseBuild {
    /** Which side of the app image. */
    public enum Part {
        INPUTS(List.of(
                new Step("verify inputs", InputSteps::verify),
                new Step("release key", InputSteps::releaseKey),
                new Step("assemble input", InputSteps::assembleInput),
                new Step("jar natives", InputSteps::jarNatives),
                new Step("staged backend", InputSteps::stagedBackend),
                new Step("natives", InputSteps::natives),
                new Step("trusted keys", InputSteps::trustedKeys),
                new Step("shell runtime", InputSteps::shellRuntime),
                new Step("inventory", InputSteps::inventory),
                new Step("jpackage arguments", InputSteps::jpackageArguments))),
        RELEASE(List.of(
                new Step("release key", InputSteps::releaseKey),
                new Step("app image", ImageSteps::appImage),
                new Step("code-sign image", ImageSteps::codeSign),
                new Step("package formats", OutputSteps::packageFormats),
                new Step("write release", OutputSteps::writeRelease),
                new Step("size report", OutputSteps::sizeReport)));

        private final List<Step> steps;

        Part(List<Step> steps) {
            this.steps = steps;
        }

        public List<Step> steps() {
            return steps;
        }
    }

    private ReleaseBuild() {
    }

    /** Runs the part's steps in order; the first failure ends the build. */
    public static void run(Part part, BuildContext context) throws Exception {
        for (Step step : part.steps()) {
            context.enter(step.name());
            step.action().run(context);
        }
    }
}
