package io.desktopstarter.updater.download;

import io.desktopstarter.contract.Platform;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The trust anchors of the operating system, the ones its administrator manages: Linux's CA bundle,
 * the Windows root store, the macOS system keychain. A company that serves updates from behind its
 * own CA installs that CA the usual way and the updater trusts it like the browser does; the
 * runtime's own {@code cacerts} would not know it. When no system store can be read the runtime's
 * {@code cacerts} is used, and {@link Anchors#source()} says which one is in force.
 */
public final class SystemTrust {
    /** CA bundles in the order distributions place them. */
    public static final List<Path> LINUX_BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),              // Debian, Ubuntu, Arch, Gentoo
            Path.of("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"), // Fedora, RHEL 7+
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),                 // older RHEL, CentOS
            Path.of("/etc/ssl/ca-bundle.pem"),                           // openSUSE
            Path.of("/etc/ssl/cert.pem"));                               // Alpine

    /** A trust store and where it came from, e.g. {@code /etc/ssl/certs/ca-certificates.crt (146 certificates)}. */
    public record Anchors(String source, Optional<KeyStore> store) {
        /** A TLS context trusting exactly these anchors ({@link Optional#empty()} store: the runtime's cacerts). */
        public SSLContext context() {
            return tls(trustManager());
        }

        /**
         * A TLS context trusting these anchors and {@code extra} too: the system store plus the CA an
         * administrator named for an internal mirror, without replacing the system store.
         */
        public SSLContext contextAlsoTrusting(Anchors extra) {
            return tls(new EitherTrustManager(trustManager(), extra.trustManager()));
        }

        X509TrustManager trustManager() {
            try {
                TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(store.orElse(null));
                for (TrustManager manager : trust.getTrustManagers()) {
                    if (manager instanceof X509TrustManager x509) {
                        return x509;
                    }
                }
                throw new IllegalStateException("no X.509 trust manager for " + source);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no trust manager from " + source, e);
            }
        }

        private SSLContext tls(X509TrustManager manager) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {manager}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no TLS context from " + source, e);
            }
        }
    }

    /** Trusts a server chain when either of two anchor sets does; the first one's refusal is reported. */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("the updater does not accept client connections");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException refused) {
                try {
                    second.checkServerTrusted(chain, authType);
                } catch (CertificateException alsoRefused) {
                    refused.addSuppressed(alsoRefused);
                    throw refused;
                }
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }

    private SystemTrust() {
    }

    /** This machine's anchors. */
    public static Anchors load() {
        return load(Platform.Os.current(), LINUX_BUNDLES);
    }

    static Anchors load(Platform.Os os, List<Path> linuxBundles) {
        Optional<Anchors> system = switch (os) {
            case WINDOWS -> keyStore("Windows-ROOT");
            case MACOS -> keyStore("KeychainStore-ROOT");
            case LINUX -> linuxBundles.stream().map(SystemTrust::bundle).flatMap(Optional::stream).findFirst();
        };
        return system.orElseGet(() -> new Anchors("the runtime's cacerts (no system trust store found)", Optional.empty()));
    }

    /** A PEM bundle; empty when it is missing, unreadable or holds no certificate. */
    static Optional<Anchors> bundle(Path file) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(pemFile(file));
        } catch (IOException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Exactly the certificates of a PEM file (a CA bundle, or one company CA given on the command line). */
    public static Anchors pemFile(Path file) throws IOException, GeneralSecurityException {
        // Buffered: the certificate factory reads PEM a byte at a time (unbuffered, 150 certificates took ~300 ms).
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Collection<? extends java.security.cert.Certificate> certificates;
            try {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            } catch (CertificateException e) {
                throw new IOException(file + " is not a PEM certificate file: " + e.getMessage());
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (var certificate : certificates) {
                if (certificate instanceof X509Certificate x509) {
                    store.setCertificateEntry("ca-" + i++, x509);
                }
            }
            if (i == 0) {
                throw new IOException(file + " holds no PEM certificate");
            }
            return new Anchors(file + " (" + i + " certificates)", Optional.of(store));
        }
    }

    private static Optional<Anchors> keyStore(String type) {
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(null, null);
            return store.size() == 0 ? Optional.empty() : Optional.of(new Anchors(type + " (" + store.size() + " certificates)",
                    Optional.of(store)));
        } catch (IOException | GeneralSecurityException e) {
            // A runtime without the store's provider (a jlink image missing jdk.crypto.mscapi, an older JDK).
            return Optional.empty();
        }
    }
}
