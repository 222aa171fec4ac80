package io.desktopstarter.shell.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/** The main window's last size and position, kept in app-data between runs. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    public static final double MIN_WIDTH = 720;
    public static final double MIN_HEIGHT = 480;
    public static final WindowGeometry DEFAULT = new WindowGeometry(Double.NaN, Double.NaN, 1100, 760, false);

    /** Each shell keeps its own file: their window sizes differ (menu bars, decorations). */
    public static Path file(Path appData, String shell) {
        return appData.resolve("window-" + shell + ".properties");
    }

    public static Optional<WindowGeometry> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            WindowGeometry g = new WindowGeometry(
                    Double.parseDouble(p.getProperty("x")), Double.parseDouble(p.getProperty("y")),
                    Double.parseDouble(p.getProperty("width")), Double.parseDouble(p.getProperty("height")),
                    Boolean.parseBoolean(p.getProperty("maximized")));
            return g.width() >= MIN_WIDTH && g.height() >= MIN_HEIGHT && g.width() < 20_000 && g.height() < 20_000
                    ? Optional.of(g) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged file only costs the remembered size
        }
    }

    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(x));
        p.setProperty("y", Double.toString(y));
        p.setProperty("width", Double.toString(width));
        p.setProperty("height", Double.toString(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Desktop Java Starter main window");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
