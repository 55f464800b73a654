package eventlens.cli;

import eventlens.replay.script.ScriptLimits;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The limits of one handler call, shared by every command that runs a user's script ({@code replay},
 * {@code dlq --retry}): a picocli mixin, so the options, their defaults and their checks are written once.
 */
final class ScriptLimitOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--statement-limit", defaultValue = "1000000", paramLabel = "N", description = "statements one handler call may run (default ${DEFAULT-VALUE})")
    long statementLimit;

    @Option(names = "--time-limit", defaultValue = "5", paramLabel = "SECONDS",
            description = "wall-clock time one handler call may take (default ${DEFAULT-VALUE})")
    double timeLimit;

    @Option(names = "--memory-limit", defaultValue = "512", paramLabel = "MIB",
            description = "MiB one handler call may allocate, garbage included (default ${DEFAULT-VALUE})")
    long memoryLimit;

    /** The limits given, or a usage error (exit 2) naming the option that is out of range. */
    ScriptLimits limits() {
        if (statementLimit <= 0) {
            throw new ParameterException(spec.commandLine(), "--statement-limit must be positive");
        }
        if (!(timeLimit > 0) || timeLimit > Duration.ofDays(1).toSeconds()) {
            throw new ParameterException(spec.commandLine(), "--time-limit must be a positive number of seconds, at most a day");
        }
        if (memoryLimit <= 0) {
            throw new ParameterException(spec.commandLine(), "--memory-limit must be positive");
        }
        if (memoryLimit > Long.MAX_VALUE >> 20) {
            throw new ParameterException(spec.commandLine(), "--memory-limit is too large");
        }
        return new ScriptLimits(statementLimit, Duration.ofMillis(Math.max(1, Math.round(timeLimit * 1000))), memoryLimit << 20);
    }
}
