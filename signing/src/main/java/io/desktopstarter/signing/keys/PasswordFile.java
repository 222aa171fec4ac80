package io.desktopstarter.signing.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A password kept in a file (CI secrets, {@code --password-file}): its first line, without the line break. */
public final class PasswordFile {
    private PasswordFile() {
    }

    public static char[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw new IOException("the password file " + file + " is empty");
        }
        return line.toCharArray();
    }
}
