package eventlens.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store connection opened on the window's event thread fails the build's tests; a worker's may open one. */
class ThreadGuardTest {
    @TempDir
    Path dir;

    @Test
    void theBuildRefusesAnOpenOnTheFxThreadButNotOnAWorkerOrAMarkedTask() throws Exception {
        assertThat(System.getProperty(ThreadGuard.PROPERTY)).as("set by the build for every test").isEqualTo("fail");
        Path project = dir.resolve("p.eventlens");
        ProjectStore.open(project).close();

        assertThatThrownBy(() -> onThread(ThreadGuard.FX_THREAD, () -> ProjectStore.open(project).close()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("JavaFX application thread");
        assertThatThrownBy(() -> onThread(ThreadGuard.FX_THREAD, () -> ProjectStore.openReadOnly(project).close()))
                .isInstanceOf(IllegalStateException.class);

        onThread("eventlens-worker-1", () -> ProjectStore.open(project).close());
        onThread(ThreadGuard.FX_THREAD, () -> StoreThreads.asWorker(() -> {
            ProjectStore.open(project).close();
            return null;
        }));
    }

    private static void onThread(String name, Runnable work) throws Exception {
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        }, name);
        t.start();
        t.join();
        if (thrown.get() != null) {
            throw thrown.get();
        }
    }
}
