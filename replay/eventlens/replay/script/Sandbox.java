package eventlens.replay.script;

import java.io.OutputStream;
import java.time.ZoneOffset;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.io.IOAccess;

/**
 * The GraalJS settings of every script context (docs/decisions/0009-scripting-engine.md): no host
 * classes or objects beyond the explicit proxies the runtime hands in, no files, no network, no
 * threads, processes, native code or environment, UTC time zone, and a statement limit per call.
 */
public final class Sandbox {
    private Sandbox() {
    }

    /**
     * A new engine for one session or command (share it between runs: it caches parsed code). The
     * caller closes it.
     */
    public static Engine engine() {
        return Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
    }

    /** A sandboxed context on {@code engine} with {@code limits}. */
    static Context context(Engine engine, ScriptLimits limits) {
        return Context.newBuilder("js")
                .engine(engine)
                .allowHostAccess(HostAccess.EXPLICIT)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowExperimentalOptions(false)
                .timeZone(ZoneOffset.UTC)
                .resourceLimits(ResourceLimits.newBuilder().statementLimit(limits.statementsPerCall(), null).build())
                .build();
    }
}
