package community.doorstep.samples.demo;

import community.doorstep.DoorstepException;
import community.doorstep.Doorstep;
import community.doorstep.checkin.CheckInPlan;
import community.doorstep.checkin.Circle;
import community.doorstep.checkin.Responder;
import community.doorstep.internal.Sealer;
import community.doorstep.notify.Address;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * The demo's check-ins: a No Borders-style circle of three volunteers in two tiers (their mail goes to the outbox
 * page), and on every start a sample check-in due a few minutes later, so a newcomer sees the reminder, the alert and,
 * once they act on the responder link, the acknowledgement and the all-clear.
 */
final class DemoCheckIns {
    static final String KEY_FILE = "checkin.key";
    /** When the sample check-in is due after start, and its grace: the reminder comes two minutes in, the alert at 13. */
    static final Duration SAMPLE_DUE = Duration.ofMinutes(12);
    static final int SAMPLE_GRACE = 1;

    private DemoCheckIns() {
    }

    /**
     * The demo's encryption key, made on first start and kept beside its database (readable by its owner only). A real
     * host keeps its key apart from its data; the demo's data are throwaway.
     */
    static byte[] key(Path dataDirectory) {
        Path file = dataDirectory.resolve(KEY_FILE);
        try {
            Files.createDirectories(dataDirectory);
            if (!Files.exists(file)) {
                Files.write(file, Sealer.newKey());
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own permissions apply
                }
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DoorstepException("cannot read or make the demo's encryption key in " + dataDirectory, e);
        }
    }

    /** The circle on first start; a sample check-in on every start. Returns the sample's own link token. */
    static String seed(Doorstep doorstep, String site) {
        List<Circle> circles = doorstep.checkIns().circles(site);
        Circle circle = circles.isEmpty() ? doorstep.checkIns().createCircle(site, "Reporting support volunteers",
                List.of(new Responder("Ana", Address.email("ana@volunteers.example"), 1),
                        new Responder("Ben", Address.email("ben@volunteers.example"), 1),
                        new Responder("Cai", Address.email("cai@volunteers.example"), 2)),
                Duration.ofMinutes(5)) : circles.get(0);
        return doorstep.checkIns().start(site, new CheckInPlan("Robin", "Reporting at Dallas Court at 10:00. "
                + "If I am not out by 11:00, call the duty solicitor.", circle.id(),
                doorstep.clock().instant().plus(SAMPLE_DUE), SAMPLE_GRACE, Address.email("robin@person.example"), null))
                .token();
    }
}
