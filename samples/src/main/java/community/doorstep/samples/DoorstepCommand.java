package community.doorstep.samples;

import community.doorstep.DoorstepException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
            description = "Show the next two weeks of the sample neighbourhood's calendar.")
    static final class Demo implements Callable<Integer> {
        static final String SAMPLE = "hulme-groups.ics";

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Clock clock;

        Demo(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() throws Exception {
            ZoneId london = ZoneId.of("Europe/London");
            LocalDate today = LocalDate.now(clock.withZone(london));
            PrintWriter out = spec.commandLine().getOut();
            out.println("Doorstep demo: the sample neighbourhood's groups' calendar for the next two weeks,");
            out.println("read exactly as `./doorstep feed check` reads any group's calendar.");
            out.println();
            try (InputStream sample = DoorstepCommand.class.getResourceAsStream(SAMPLE)) {
                print(FeedCheck.check(sample, today, today.plusDays(14), london, clock), Format.text, out,
                        spec.commandLine().getErr());
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
