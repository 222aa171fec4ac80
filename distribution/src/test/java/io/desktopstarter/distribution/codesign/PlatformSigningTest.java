package io.desktopstarter.distribution.codesign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformSigningTest {
    @TempDir
    Path tmp;

    final List<String> log = new ArrayList<>();

    @Test
    void withoutCredentialsEveryStepSaysItIsOffAndLeavesTheFilesAlone() throws Exception {
        Path exe = Files.write(tmp.resolve("app.exe"), new byte[] {'M', 'Z', 1, 2, 3});
        Path app = Files.createDirectories(tmp.resolve("App.app/Contents/MacOS"));
        PlatformSigning signing = new PlatformSigning(Map.of(), log::add);

        signing.authenticode(List.of(exe));
        signing.macApp(tmp.resolve("App.app"), tmp.resolve("work"));

        assertThat(log).anyMatch(l -> l.startsWith("Authenticode: OFF (WIN_CSC_LINK not set)") && l.contains("app.exe"))
                .anyMatch(l -> l.startsWith("macOS codesign: OFF (no signing identity"))
                .anyMatch(l -> l.startsWith("macOS notarization: OFF"));
        assertThat(Files.readAllBytes(exe)).containsExactly('M', 'Z', 1, 2, 3);
        assertThat(tmp.resolve("work/entitlements.plist")).content().contains("com.apple.security.cs.allow-jit")
                .doesNotContain("com.apple.security.get-task-allow");
        assertThat(app).isEmptyDirectory();
    }

    @Test
    void aKeystoreThatIsNotPkcs12FailsWithAClearMessageAndIsNotLeftBehind() throws Exception {
        Path exe = Files.write(tmp.resolve("app.exe"), new byte[] {'M', 'Z'});
        String notAKeystore = java.util.Base64.getEncoder().encodeToString("not a keystore".getBytes());
        PlatformSigning signing = new PlatformSigning(Map.of("WIN_CSC_LINK", notAKeystore, "WIN_CSC_KEY_PASSWORD", "pw"), log::add);

        assertThatThrownBy(() -> signing.authenticode(List.of(exe))).hasMessageContaining("wrong password or not PKCS#12");
        assertThat(Files.readAllBytes(exe)).containsExactly('M', 'Z');
        try (var leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(leftovers.filter(p -> p.getFileName().toString().startsWith("win-csc")).toList()).isEmpty();
        }
    }

    @Test
    void nestedCodeIsEveryMachOFileDeepestFirstButTheBundlesOwnLauncher() throws Exception {
        Path app = tmp.resolve("App.app");
        machO(app.resolve("Contents/MacOS/App"));
        Path deep = machO(app.resolve("Contents/app/staged-backend/runtime/lib/server/libjvm.dylib"));
        Path java = machO(app.resolve("Contents/app/staged-backend/runtime/bin/java"));
        Path runtime = machO(app.resolve("Contents/runtime/libjli.dylib"));
        Files.writeString(app.resolve("Contents/Info.plist"), "<plist/>");
        Files.write(app.resolve("Contents/app/Main.class"), new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 69});

        assertThat(PlatformSigning.nestedCode(app)).containsExactly(deep, java, runtime);
    }

    private static Path machO(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xfeedfacf).putInt(0x01000007).putInt(3).putInt(2);
        return Files.write(file, header.array());
    }
}
