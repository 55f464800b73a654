package eventlens.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code eventlens benchmark WHAT}: every measurement of docs/benchmarks.md, one subcommand each. */
@Command(name = "benchmark", description = "Measure EventLens against raw baselines (docs/benchmarks.md): "
        + "import, flow, state, replay, dlq, readers, ui, query; all of them in one report.",
        subcommands = {BenchmarkCommand.class, FlowBenchmarkCommand.class, BenchmarkStateCommand.class,
            BenchmarkReplayCommand.class, BenchmarkDlqCommand.class, BenchmarkReadersCommand.class,
            BenchmarkUiCommand.class, BenchmarkQueryCommand.class, BenchmarkAllCommand.class, BenchmarkTrainingCommand.class,
            BenchmarkGuiTrainingCommand.class})
final class BenchmarksCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say what to measure: import, flow, state, replay, dlq, "
                + "readers, ui, query, or all");
    }
}
