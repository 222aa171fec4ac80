package io.desktopstarter.signing.keys;

/** The password does not decrypt the secret key (its checksum does not match). */
public final class WrongPasswordException extends Exception {
    public WrongPasswordException(String message) {
        super(message);
    }
}
