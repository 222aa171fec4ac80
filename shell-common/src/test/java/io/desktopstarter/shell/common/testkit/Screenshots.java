package io.desktopstarter.shell.common.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.shell.common.automation.AutomationResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/** For the shells' driver tests: a screenshot the automation driver wrote is a picture of a window. */
public final class Screenshots {
    private Screenshots() {
    }

    /** The PNG decodes, has the size the driver reported, and is a picture rather than one flat colour. */
    public static void assertPicture(Path png, AutomationResult.Screenshot shot) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG that decodes").isNotNull();
        assertThat(image.getWidth()).isEqualTo(shot.width()).isGreaterThan(200);
        assertThat(image.getHeight()).isEqualTo(shot.height()).isGreaterThan(200);
        long colours = IntStream.range(0, image.getHeight()).flatMap(y -> IntStream.range(0, image.getWidth())
                .map(x -> image.getRGB(x, y))).distinct().count();
        assertThat(colours).as("distinct colours in the screenshot").isGreaterThan(16);
    }

    /** Where a driver test keeps its screenshot for a person to look at: {@code target/automation/} beside the shell jar. */
    public static Path beside(String shellJar, String name) {
        return Path.of(shellJar).resolveSibling("automation").resolve(name);
    }
}
