package io.boxoffice.bench;

import java.util.List;

/**
 * The launch rehearsal with wrk as the load generator ({@code ./boxoffice bench --generator wrk}): the same
 * preparation, requests, schedule, audit and verdict as {@link LaunchRehearsal}, but the storm is sent by
 * Debian's wrk (C and LuaJIT), which spends a few hundredths of a millisecond of CPU per request where
 * Gatling spends 0.3-1 ms; on two cores shared with the system under test, that CPU goes to Boxoffice.
 * wrk has no arrival rate of its own: bench/wrk/storm.lua paces each connection on its share of the
 * schedule, and latency counts from each arrival's due time, as with Gatling.
 */
public final class WrkRehearsal {
    private WrkRehearsal() {
    }

    public static void main(String[] args) {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Machine machine = new Machine(settings.root());
        machine.before();
        CpuAccount cpu = new CpuAccount(settings.root(), "bench driver (JVM)");
        Api api = new Api(settings.url(), 32);
        try {
            System.out.println("bench: " + settings.describe());
            Launch.Plan plan = Launch.prepare(settings, api);
            List<String> storm = plan.showIds().stream().map(settings.scenario()::path).toList();
            if (settings.warmupSeconds() > 0) {
                String show = plan.warmupShowId() != null ? plan.warmupShowId() : plan.showIds().get(0);
                System.out.printf("bench: warm-up, %d s%n", settings.warmupSeconds());
                new WrkRun(settings, null, List.of(settings.scenario().path(show)), plan.tokens())
                        .run(settings.openModel() ? Math.max(1, settings.rate() / 2) : 0, settings.warmupSeconds(), null);
            }
            System.out.printf("bench: storm starts (wrk, %d connections, one thread each)%n", settings.connections());
            Tally tally = new WrkRun(settings, settings.wrkAnswers(), storm, plan.tokens())
                    .run(settings.rate(), settings.durationSeconds(), cpu);
            Outcome.write(settings, machine.after(), cpu.sinceStart(), tally, plan, api, null);
        } catch (BenchAbort e) {
            System.err.println("bench: ERROR: " + e.getMessage());
            System.exit(2);
        } finally {
            api.close();
        }
        System.exit(0);
    }
}
