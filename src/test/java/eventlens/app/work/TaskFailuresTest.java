package eventlens.app.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskFailuresTest {
    private final List<TaskFailures.Failure> shown = new ArrayList<>();
    private final List<String> finished = new ArrayList<>();

    @Test
    void aFailureTheTaskDoesNotHandleIsShownWithItsDetails() {
        SameThreadWork work = new SameThreadWork();
        work.failures().setOnUnhandled(shown::add);
        BackgroundTask.of(context -> {
            throw new IllegalStateException("disk I/O error");
        }).named("Loading flows").onFinished(() -> finished.add("done")).executeWith(work);

        assertThat(shown).singleElement().satisfies(f -> {
            assertThat(f.summary()).isEqualTo("Loading flows failed: disk I/O error");
            assertThat(f.details()).contains("IllegalStateException", "TaskFailuresTest");
        });
        assertThat(finished).containsExactly("done");
    }

    @Test
    void aHandledFailureIsNotShownTwice() {
        SameThreadWork work = new SameThreadWork();
        work.failures().setOnUnhandled(shown::add);
        List<Throwable> handled = new ArrayList<>();
        BackgroundTask.of(context -> {
            throw new IllegalStateException("x");
        }).onFailure(handled::add).executeWith(work);
        assertThat(handled).hasSize(1);
        assertThat(shown).isEmpty();
    }

    @Test
    void aCallbackThatThrowsIsReportedAndOnFinishedStillRuns() {
        SameThreadWork work = new SameThreadWork();
        work.failures().setOnUnhandled(shown::add);
        BackgroundTask.of(context -> "value").onSuccess(v -> {
            throw new NullPointerException();
        }).onFinished(() -> finished.add("done")).executeWith(work);
        assertThat(shown).singleElement().extracting(TaskFailures.Failure::summary)
                .isEqualTo("A background task failed: NullPointerException");
        assertThat(finished).containsExactly("done");
    }

    @Test
    void anErrorOnAWorkerStillEndsTheTask() throws Exception {
        BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        try (FxBackgroundWork work = new FxBackgroundWork(1, fx::add)) {
            work.failures().setOnUnhandled(shown::add);
            BackgroundTask.of(context -> {
                throw new OutOfMemoryError("Java heap space");
            }).onFinished(() -> finished.add("done")).executeWith(work);
            Runnable outcome = fx.poll(5, TimeUnit.SECONDS);
            assertThat(outcome).isNotNull();
            outcome.run();
        }
        assertThat(shown).singleElement().extracting(TaskFailures.Failure::summary)
                .isEqualTo("A background task failed: Java heap space");
        assertThat(finished).containsExactly("done");
    }
}
