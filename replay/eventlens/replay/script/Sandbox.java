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

    /**
     * Loads and runs GraalJS once, in an engine and a sandboxed context thrown away after: the first engine,
     * context and JavaScript realm of a process take 1.5-3.5 s (class loading and the realm's first set-up on
     * two cores), the next ones about 20 ms. For a warm-up thread, before the first replay's Load.
     */
    public static void warmUp() {
        try (Engine engine = engine(); Context context = context(engine, ScriptLimits.DEFAULT)) {
            context.getBindings("js");
            context.eval("js", "(function (t) { const o = Object.freeze(JSON.parse(t)); return o.a + new Date(0).getTime(); })")
                    .execute("{\"a\":1}");
        }
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
