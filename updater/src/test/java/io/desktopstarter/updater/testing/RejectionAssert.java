package io.desktopstarter.updater.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.desktopstarter.updater.download.DownloadOutcome;
import io.desktopstarter.updater.flow.UpdateState;
import io.desktopstarter.updater.kit.UpdateKit;
import io.desktopstarter.updater.policy.Rejection;
import io.desktopstarter.updater.policy.RejectionCode;
import io.desktopstarter.updater.policy.UpdateDecision;

/**
 * The check the updater's tests repeat most: this outcome is a refusal with this public rejection code
 * (the failure message shows the rejection's detail, or what happened instead). Returns the rejection
 * for further checks of its detail.
 */
public final class RejectionAssert {
    private RejectionAssert() {
    }

    public static Rejection assertRejected(UpdateDecision decision, RejectionCode code) {
        assertThat(decision).as("a refusal with %s", code).isInstanceOf(UpdateDecision.Rejected.class);
        return withCode(((UpdateDecision.Rejected) decision).rejection(), code);
    }

    public static Rejection assertRejected(UpdateKit.Verdict verdict, RejectionCode code) {
        assertThat(verdict).as("a refusal with %s", code).isInstanceOf(UpdateKit.Verdict.Rejected.class);
        return withCode(((UpdateKit.Verdict.Rejected) verdict).rejection(), code);
    }

    public static Rejection assertRejected(DownloadOutcome outcome, RejectionCode code) {
        assertThat(outcome).as("a refusal with %s", code).isInstanceOf(DownloadOutcome.Rejected.class);
        return withCode(((DownloadOutcome.Rejected) outcome).rejection(), code);
    }

    public static Rejection assertRejected(UpdateState state, RejectionCode code) {
        assertThat(state).as("a refusal with %s", code).isInstanceOf(UpdateState.Failed.class);
        UpdateState.Failed failed = (UpdateState.Failed) state;
        assertThat(failed.rejection()).as("a rejection code, not an error: %s", failed.message()).isPresent();
        return withCode(failed.rejection().get(), code);
    }

    private static Rejection withCode(Rejection rejection, RejectionCode code) {
        assertThat(rejection.code()).as(rejection.detail()).isEqualTo(code);
        return rejection;
    }
}
