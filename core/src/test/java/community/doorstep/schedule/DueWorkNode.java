package community.doorstep.schedule;

import community.doorstep.Doorstep;
import community.doorstep.notify.Notifier;
import community.doorstep.notify.SmtpSettings;
import community.doorstep.testing.Postgres;

import java.time.Duration;
import java.util.Set;

/**
 * One Doorstep node in a process of its own, for the tests that run several on one PostgreSQL and kill them: it
 * starts due work, says {@code started}, and runs until its standard input closes or it is killed.
 *
 * <p>Arguments: {@code <jdbc-url-with-currentSchema> [smtp-port]}; webhooks may go to loopback.
 */
public final class DueWorkNode {
    private DueWorkNode() {
    }

    public static void main(String[] args) throws Exception {
        Notifier email = args.length > 1 ? Notifier.email(new SmtpSettings("127.0.0.1", Integer.parseInt(args[1]),
                SmtpSettings.Security.NONE, null, null, "events@hulme.example", Duration.ofSeconds(5))) : null;
        try (var pool = Postgres.pool(args[0], Postgres.USER, Postgres.PASSWORD);
             Doorstep doorstep = Doorstep.builder().dataSource(pool)
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
