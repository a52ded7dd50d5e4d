package community.doorstep.samples;

import community.doorstep.DoorstepException;
import community.doorstep.samples.demo.DemoServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** The {@code ./doorstep} command line. */
@Command(name = "doorstep", mixinStandardHelpOptions = true, version = "Doorstep 0.1",
        description = "Community events, help and check-ins for the websites UK charities already run.",
        subcommands = {DoorstepCommand.Feed.class, DoorstepCommand.Demo.class})
public final class DoorstepCommand {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(Clock.systemDefaultZone(), args));
    }

    static int run(Clock clock, String... args) {
        CommandLine commandLine = new CommandLine(new DoorstepCommand(), new ClockFactory(clock));
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            if (failure instanceof DoorstepException) {
                line.getErr().println("doorstep: " + failure.getMessage());
                return 1;
            }
            throw failure;
        });
        return commandLine.execute(args);
    }

    @Command(name = "feed", description = "Work with groups' iCal feeds.", subcommands = FeedCheckCommand.class)
    static final class Feed {
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Import a calendar into a throwaway site and list what residents would see in [from, to).")
    static final class FeedCheckCommand implements Callable<Integer> {
        @Parameters(paramLabel = "<file-or-url>", description = "an .ics file, or an http(s):// or webcal:// address")
        String source;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "first day of the window")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "the day after the window (exclusive)")
        LocalDate to;

        @Option(names = "--zone", defaultValue = "Europe/London", description = "time zone of the site (default: ${DEFAULT-VALUE})")
        ZoneId zone;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
        Format format;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Clock clock;

        FeedCheckCommand(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() {
            FeedCheck.Result result = FeedCheck.check(source, from, to, zone, clock);
            print(result, format, spec.commandLine().getOut(), spec.commandLine().getErr());
            return 0;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Start the demo: a seeded neighbourhood on embedded Jetty with its data in a directory.")
    static final class Demo implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "8080", description = "port to listen on (default: ${DEFAULT-VALUE}; 0 for any)")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
        String host;

        @Option(names = "--data", defaultValue = "data", description = "directory for the demo's database (default: ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--allow-origin", paramLabel = "ORIGIN",
                description = "another origin (such as http://127.0.0.1:9000) whose pages may embed the widgets; repeatable")
        List<String> allowOrigins = new ArrayList<>();

        @Option(names = "--now", paramLabel = "INSTANT",
                description = "start the demo's clock at this instant (such as 2027-02-10T10:00:00Z) and let it run on "
                        + "from there: tests and screenshots that must not depend on today's date")
        Instant now;

        @Option(names = "--load-test-events", defaultValue = "0", hidden = true,
                description = "extra events and a /baseline servlet for bench/web.sh")
        int loadTestEvents;

        @Option(names = "--no-rate-limits",
                description = "lift the limits on anonymous writes (suggestions, offers, claims): for load tests only")
        boolean noRateLimits;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Clock clock;

        Demo(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() throws Exception {
            for (String origin : allowOrigins) {
                if (!origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--allow-origin must be an origin such as http://127.0.0.1:9000, not \"" + origin + "\"");
                }
            }
            Clock demoClock = now == null ? clock : Clock.offset(clock, Duration.between(clock.instant(), now));
            try (DemoServer demo = DemoServer.start(host, port, data, demoClock, loadTestEvents, Set.copyOf(allowOrigins),
                    !noRateLimits)) {
                PrintWriter out = spec.commandLine().getOut();
                if (noRateLimits) {
                    out.println("WARNING: --no-rate-limits: anonymous writes are NOT limited. For load tests only; never "
                            + "let anyone else reach this server.");
                }
                demo.welcome().forEach(out::println);
                out.flush();
                demo.join();
            }
            return 0;
        }
    }

    enum Format { text, json }

    static void print(FeedCheck.Result result, Format format, PrintWriter out, PrintWriter err) {
        if (format == Format.json) {
            FeedCheckOutput.json(result, out, err);
        } else {
            FeedCheckOutput.text(result, out);
        }
        out.flush();
    }

    /** Gives commands the clock, so tests fix "today". */
    private record ClockFactory(Clock clock) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == FeedCheckCommand.class) {
                return type.cast(new FeedCheckCommand(clock));
            }
            if (type == Demo.class) {
                return type.cast(new Demo(clock));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
