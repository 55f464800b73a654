package eventlens.app.work;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Lowers the OS scheduling priority of the calling thread (Linux: {@code nice} +{@value #NICE}), so that on
 * a machine with few cores the window's thread wins a core that a background task also wants: on two
 * cores, an import or a replay running flat out beside the window's layout is what stretched its frames
 * past 100 ms (docs/decisions/0050-background-work-runs-nicer.md). Threads the worker starts inherit the
 * value. Any user may lower a thread's priority; none can raise it back, which these threads never need.
 *
 * <p>Called through the foreign-function API by reflection: the build targets Java 21, where that API is a
 * preview; on Java 22 and later it is final. Where it is missing, or not on Linux, this does nothing.
 */
final class Niceness {
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0;
    private static final Optional<Calls> CALLS = calls();

    private record Calls(MethodHandle gettid, MethodHandle setpriority) {
    }

    private Niceness() {
    }

    /** True when this platform lets a thread lower its priority (and the calls for it are linked, once). */
    static boolean available() {
        return CALLS.isPresent();
    }

    /** Lowers the calling thread's priority; true when it did. */
    static boolean lowerThisThread() {
        if (CALLS.isEmpty()) {
            return false;
        }
        try {
            return lower((Integer) CALLS.get().gettid().invokeWithArguments());
        } catch (Throwable e) {
            return false;
        }
    }

    /** Lowers the priority of the thread {@code tid} of this process; true when it did. Needs {@link #CALLS}. */
    private static boolean lower(int tid) throws Throwable {
        return (Integer) CALLS.get().setpriority().invokeWithArguments(PRIO_PROCESS, tid, NICE) == 0;
    }

    /**
     * Lowers the priority of this process's JIT compiler threads, found by name in {@code /proc/self/task} (HotSpot's
     * "C1 CompilerThread0", "C2 CompilerThread0"…, cut to 15 characters there); how many it lowered. A compiler
     * thread the JVM adds later is started by one of these, and inherits their value.
     */
    static int lowerCompilerThreads() {
        if (CALLS.isEmpty()) {
            return 0;
        }
        int lowered = 0;
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).strip();
                if (name.matches("C[12] CompilerThr.*") && lower(Integer.parseInt(task.getName()))) {
                    lowered++;
                }
            } catch (Throwable e) {
                // a thread that ended meanwhile: nothing to lower
            }
        }
        return lowered;
    }

    private static Optional<Calls> calls() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                || Runtime.version().feature() < 22) {
            return Optional.empty();
        }
        try {
            Class<?> linkerType = Class.forName("java.lang.foreign.Linker");
            Class<?> layoutType = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> descriptorType = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> optionType = Class.forName("java.lang.foreign.Linker$Option");
            Object linker = linkerType.getMethod("nativeLinker").invoke(null);
            Object libc = linkerType.getMethod("defaultLookup").invoke(linker);
            Method find = Class.forName("java.lang.foreign.SymbolLookup").getMethod("find", String.class);
            Object javaInt = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_INT").get(null);
            Method of = descriptorType.getMethod("of", layoutType, layoutType.arrayType());
            Object[] threeInts = (Object[]) Array.newInstance(layoutType, 3);
            java.util.Arrays.fill(threeInts, javaInt);
            Method downcall = linkerType.getMethod("downcallHandle", Class.forName("java.lang.foreign.MemorySegment"),
                    descriptorType, optionType.arrayType());
            Object noOptions = Array.newInstance(optionType, 0);
            MethodHandle gettid = (MethodHandle) downcall.invoke(linker, ((Optional<?>) find.invoke(libc, "gettid"))
                    .orElseThrow(), of.invoke(null, javaInt, Array.newInstance(layoutType, 0)), noOptions);
            MethodHandle setpriority = (MethodHandle) downcall.invoke(linker, ((Optional<?>) find.invoke(libc,
                    "setpriority")).orElseThrow(), of.invoke(null, javaInt, threeInts), noOptions);
            return Optional.of(new Calls(gettid, setpriority));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
