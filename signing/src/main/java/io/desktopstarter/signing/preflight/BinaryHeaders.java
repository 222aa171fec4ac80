package io.desktopstarter.signing.preflight;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Reads format and CPU architecture from the first bytes of ELF, Mach-O and PE files. */
final class BinaryHeaders {
    private static final int MH_MAGIC_64 = 0xfeedfacf;
    private static final int FAT_MAGIC = 0xcafebabe;
    private static final int LC_CODE_SIGNATURE = 0x1d;

    private BinaryHeaders() {
    }

    static NativeLibrary identify(String location, byte[] head) {
        if (head.length >= 20 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            ByteOrder order = head[5] == 2 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            int machine = Short.toUnsignedInt(ByteBuffer.wrap(head, 18, 2).order(order).getShort());
            return new NativeLibrary(location, NativeLibrary.Format.ELF, List.of(elfArch(machine)), false);
        }
        if (head.length >= 0x40 && head[0] == 'M' && head[1] == 'Z') {
            int peOffset = ByteBuffer.wrap(head, 0x3c, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (peOffset > 0 && peOffset + 6 <= head.length && head[peOffset] == 'P' && head[peOffset + 1] == 'E') {
                int machine = Short.toUnsignedInt(ByteBuffer.wrap(head, peOffset + 4, 2).order(ByteOrder.LITTLE_ENDIAN).getShort());
                return new NativeLibrary(location, NativeLibrary.Format.PE, List.of(peArch(machine)), false);
            }
        }
        if (head.length >= 8) {
            int le = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int be = ByteBuffer.wrap(head, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
            if (le == MH_MAGIC_64) {
                int cpu = ByteBuffer.wrap(head, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                return new NativeLibrary(location, NativeLibrary.Format.MACH_O, List.of(machArch(cpu)), machSigned(head));
            }
            int count = ByteBuffer.wrap(head, 4, 4).order(ByteOrder.BIG_ENDIAN).getInt();
            // A Java class file starts with the same magic; its version (45 and up) stands where a
            // universal binary counts its architectures (a handful).
            if (be == FAT_MAGIC && count > 0 && count < 20) {
                List<String> archs = new ArrayList<>();
                for (int i = 0; i < count && i < 16 && 8 + i * 20 + 4 <= head.length; i++) {
                    archs.add(machArch(ByteBuffer.wrap(head, 8 + i * 20, 4).order(ByteOrder.BIG_ENDIAN).getInt()));
                }
                return new NativeLibrary(location, NativeLibrary.Format.MACH_O, archs, false);
            }
        }
        return new NativeLibrary(location, NativeLibrary.Format.UNKNOWN, List.of(), false);
    }

    /** Walks the load commands of a thin 64-bit Mach-O looking for a code signature. */
    private static boolean machSigned(byte[] head) {
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head.length < 32) {
            return false;
        }
        int ncmds = b.getInt(16);
        int offset = 32;
        for (int i = 0; i < ncmds && offset + 8 <= head.length; i++) {
            int cmd = b.getInt(offset);
            int size = b.getInt(offset + 4);
            if (cmd == LC_CODE_SIGNATURE) {
                return true;
            }
            if (size <= 0) {
                return false;
            }
            offset += size;
        }
        return false;
    }

    private static String elfArch(int machine) {
        return switch (machine) {
            case 0x3e -> "x64";
            case 0xb7 -> "arm64";
            case 0x03 -> "x86";
            case 0x28 -> "arm";
            case 0xf3 -> "riscv64";
            case 0x15 -> "ppc64";
            case 0x16 -> "s390x";
            default -> "elf-machine-" + machine;
        };
    }

    private static String peArch(int machine) {
        return switch (machine) {
            case 0x8664 -> "x64";
            case 0xaa64 -> "arm64";
            case 0x14c -> "x86";
            default -> "pe-machine-" + Integer.toHexString(machine);
        };
    }

    private static String machArch(int cpu) {
        return switch (cpu) {
            case 0x01000007 -> "x64";
            case 0x0100000c -> "arm64";
            case 7 -> "x86";
            default -> "mach-cpu-" + Integer.toHexString(cpu);
        };
    }
}
