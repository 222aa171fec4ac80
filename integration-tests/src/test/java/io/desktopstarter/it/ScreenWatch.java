package io.desktopstarter.it;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * First pixel, seen from outside the app: a separate JVM on the app's X display that, once told {@code go} on stdin,
 * grabs the whole screen again and again until enough pixels differ from the empty screen it saw first, then prints
 * {@code painted <ms since go> <width>x<height>} (the box around what changed: a splash or a main window). It starts (and loads AWT) before the app does, so its own start-up is not measured.
 * One grab of a 1280x900 Xvfb screen takes a few milliseconds; that is the resolution.
 */
public final class ScreenWatch {
    /** Fewer changed pixels than this is a cursor or noise, not a window. */
    private static final int PAINTED = 2_000;

    public static void main(String[] args) throws Exception {
        long timeoutMs = args.length > 0 ? Long.parseLong(args[0]) : 60_000;
        Robot robot = new Robot();
        Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
        int[] empty = pixels(robot.createScreenCapture(screen));
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        if (!"go".equals(in.readLine())) {
            return;
        }
        long go = System.nanoTime();
        while ((System.nanoTime() - go) / 1_000_000 < timeoutMs) {
            int[] now = pixels(robot.createScreenCapture(screen));
            long ms = (System.nanoTime() - go) / 1_000_000;
            int changed = 0;
            int left = screen.width;
            int right = -1;
            int top = screen.height;
            int bottom = -1;
            for (int i = 0; i < now.length; i++) {
                if (now[i] != empty[i]) {
                    changed++;
                    int x = i % screen.width;
                    int y = i / screen.width;
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
            if (changed >= PAINTED) {
                // What was painted first: the splash is a small window, the main window a large one.
                System.out.println("painted " + ms + " " + (right - left + 1) + "x" + (bottom - top + 1));
                System.out.flush();
                return;
            }
        }
        System.out.println("nothing painted");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
