package io.desktopstarter.distribution.build;

/** One named step of the release build; what it did goes to {@link BuildContext#log}. */
public record Step(String name, Action action) {
    /** The step's work. */
    @FunctionalInterface
    public interface Action {
        void run(BuildContext context) throws Exception;
    }
}
