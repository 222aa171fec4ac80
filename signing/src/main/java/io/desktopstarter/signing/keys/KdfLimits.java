package io.desktopstarter.signing.keys;

/**
 * libsodium's scrypt cost parameters as minisign stores them (opslimit, memlimit), and their
 * translation to scrypt's N, r, p exactly as libsodium's {@code pickparams} does it.
 */
public record KdfLimits(long opslimit, long memlimit) {
    /** What minisign uses for new keys: about 1 GiB of memory and a few seconds. */
    public static final KdfLimits SENSITIVE = new KdfLimits(33_554_432L, 1_073_741_824L);
    /** 16 MiB; for tests and throw-away keys only. */
    public static final KdfLimits INTERACTIVE = new KdfLimits(524_288L, 16_777_216L);
    /** A key file cannot make us allocate more than this (a hostile file could ask for terabytes). */
    static final long MAX_MEMORY = 4L * 1024 * 1024 * 1024;

    /** scrypt's parameters. */
    public record Scrypt(int n, int r, int p) {
        long memoryBytes() {
            return 128L * r * n;
        }
    }

    public Scrypt scrypt() {
        long ops = Math.max(opslimit, 32_768L);
        int r = 8;
        int nLog2;
        int p;
        if (ops < memlimit / 32) {
            p = 1;
            long maxN = ops / (r * 4L);
            nLog2 = smallestExponentAbove(maxN / 2);
        } else {
            long maxN = memlimit / (r * 128L);
            nLog2 = smallestExponentAbove(maxN / 2);
            long maxrp = (ops / 4) / (1L << nLog2);
            maxrp = Math.min(maxrp, 0x3fffffffL);
            p = (int) (maxrp / r);
        }
        if (nLog2 > 30 || p < 1) {
            throw new IllegalArgumentException("refusing unusable scrypt limits in the key file (opslimit " + opslimit
                    + ", memlimit " + memlimit + ")");
        }
        Scrypt params = new Scrypt(1 << nLog2, r, p);
        if (params.memoryBytes() > MAX_MEMORY) {
            throw new IllegalArgumentException("the key file asks for " + params.memoryBytes() / (1024 * 1024)
                    + " MiB of scrypt memory; refusing more than " + MAX_MEMORY / (1024 * 1024) + " MiB");
        }
        return params;
    }

    private static int smallestExponentAbove(long limit) {
        int exponent = 1;
        while (exponent < 63 && (1L << exponent) <= limit) {
            exponent++;
        }
        return exponent;
    }
}
