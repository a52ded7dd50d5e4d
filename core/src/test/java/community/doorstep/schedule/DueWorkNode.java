package community.doorstep.schedule;

import community.doorstep.Doorstep;
import community.doorstep.notify.Notifier;
import community.doorstep.notify.SmtpSettings;
import community.doorstep.testing.Postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One Doorstep node in a process of its own, for the tests that run several on one PostgreSQL and kill them: it
 * starts due work, says {@code started}, and runs until its standard input closes or it is killed.
 *
 * <p>Arguments: {@code <jdbc-url-with-currentSchema> [smtp-port [encryption-key-base64]]}; webhooks may go to loopback.
 */
public final class DueWorkNode {
    private DueWorkNode() {
    }

    /** Starts a node in a process of its own with these arguments, and returns once it says it has started. */
    public static Process start(String... arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                DueWorkNode.class.getName()));
        command.addAll(List.of(arguments));
        Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("started")) {
            // what the node prints before it has started
        }
        if (line == null) {
            node.destroyForcibly();
            throw new IllegalStateException("the node stopped before it started");
        }
        return node;
    }

    private static Doorstep.Builder withKey(Doorstep.Builder builder, String[] args) {
        return args.length > 2 ? builder.encryptionKey(java.util.Base64.getDecoder().decode(args[2])) : builder;
    }

    public static void main(String[] args) throws Exception {
        Notifier email = args.length > 1 ? Notifier.email(new SmtpSettings("127.0.0.1", Integer.parseInt(args[1]),
                SmtpSettings.Security.NONE, null, null, "events@hulme.example", Duration.ofSeconds(5))) : null;
        try (var pool = Postgres.pool(args[0], Postgres.USER, Postgres.PASSWORD);
             Doorstep doorstep = withKey(Doorstep.builder().dataSource(pool), args)
                     .notifier(Notifier.byChannel(email, Notifier.webhooks(Duration.ofSeconds(5), Set.of("127.0.0.1"))))
                     .build()) {
            doorstep.start();
            System.out.println("started");
            System.out.flush();
            while (System.in.read() != -1) {
                // runs until the test closes our input or kills us
            }
        }
    }
}
