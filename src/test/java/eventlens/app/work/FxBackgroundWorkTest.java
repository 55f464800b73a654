package eventlens.app.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FxBackgroundWorkTest {
    /** Stands in for the FX thread: runnables queue up until the test drains them. */
    private final BlockingQueue<Runnable> fxQueue = new LinkedBlockingQueue<>();

    private void drain() {
        Runnable r;
        while ((r = fxQueue.poll()) != null) {
            r.run();
        }
    }

    @Test
    void aBurstOfProgressReachesTheFxThreadAsOnePendingUpdateCarryingTheLatestValue() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<Progress> seen = new ArrayList<>();
        try (FxBackgroundWork work = new FxBackgroundWork(1, fxQueue::add)) {
            BackgroundTask.of(context -> {
                for (int i = 1; i <= 100_000; i++) {
                    context.progress(Progress.of(i, 100_000, "step " + i));
                }
                return "ok";
            }).onProgress(seen::add).onFinished(done::countDown).executeWith(work);
            Runnable first = fxQueue.poll(5, TimeUnit.SECONDS);
            Thread.sleep(200);
            // 100,000 reports, yet the FX queue holds only the first coalesced update and the outcome.
            assertThat(fxQueue.size()).isLessThanOrEqualTo(2);
            first.run();
            drain();
            while (done.getCount() > 0) {
                Runnable r = fxQueue.poll(5, TimeUnit.SECONDS);
                if (r != null) {
                    r.run();
                }
            }
        }
        assertThat(seen).isNotEmpty().hasSizeLessThan(100);
        assertThat(seen.get(seen.size() - 1).message()).isEqualTo("step 100000");
    }

    @Test
    void callbacksRunOnTheFxThreadAndACancelledTaskReportsCancelledNotSuccess() throws Exception {
        List<String> outcome = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        try (FxBackgroundWork work = new FxBackgroundWork(1, fxQueue::add)) {
            TaskHandle handle = BackgroundTask.of(context -> {
                started.countDown();
                while (!context.cancelled()) {
                    Thread.onSpinWait();
                }
                return "late";
            }).onSuccess(v -> outcome.add("success")).onCancelled(() -> outcome.add("cancelled")).executeWith(work);
            started.await(5, TimeUnit.SECONDS);
            handle.cancel();
            fxQueue.poll(5, TimeUnit.SECONDS).run();
        }
        assertThat(outcome).containsExactly("cancelled");
    }

    @Test
    void sameThreadWorkDeliversFailureToOnFailure() {
        List<Throwable> errors = new ArrayList<>();
        BackgroundTask.of(context -> {
            throw new IllegalStateException("boom");
        }).onFailure(errors::add).executeWith(new SameThreadWork());
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("boom");
    }

    @Test
    void aPageLoadRunsWhileEveryWorkerIsTakenByALongTask() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch quick = new CountDownLatch(1);
        try (FxBackgroundWork work = new FxBackgroundWork(2, fxQueue::add)) {
            for (int i = 0; i < 3; i++) { // two busy workers and one more task queued behind them
                BackgroundTask.of(context -> release.await(10, TimeUnit.SECONDS)).executeWith(work);
            }
            BackgroundTask.of(context -> {
                quick.countDown();
                return null;
            }).executeQuicklyWith(work);
            assertThat(quick.await(5, TimeUnit.SECONDS)).as("the quick lane is not behind the long tasks").isTrue();
            release.countDown();
        }
    }

    @Test
    void aFlowTheUserOpensRunsWhileTheCountOverTimeTakesItsLaneAside() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch opened = new CountDownLatch(1);
        try (FxBackgroundWork work = new FxBackgroundWork(2, fxQueue::add)) {
            for (int i = 0; i < 3; i++) { // a long count, and two more queued behind it on its lane
                BackgroundTask.of(context -> release.await(10, TimeUnit.SECONDS)).executeAsideWith(work);
            }
            BackgroundTask.of(context -> {
                opened.countDown();
                return null;
            }).executeWith(work);
            assertThat(opened.await(5, TimeUnit.SECONDS)).as("the workers are not behind the counts").isTrue();
            release.countDown();
        }
    }
}
