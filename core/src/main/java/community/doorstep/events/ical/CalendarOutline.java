package community.doorstep.events.ical;

import community.doorstep.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape of a calendar text before ical4j reads it: its physical lines and where each top-level component
 * (and each alarm of an event) begins and ends. It lets a broken component be cut out by itself, and names the
 * line of a structural error (a file that is no calendar, a component never closed) in words a coordinator can
 * act on.
 */
final class CalendarOutline {

    /**
     * A component by 1-based physical line numbers, both inclusive.
     *
     * @param depth 1 for a component directly inside VCALENDAR, 2 for a VALARM directly inside a VEVENT
     */
    record Block(String name, int firstLine, int lastLine, int depth) {
        boolean contains(int line) {
            return line >= firstLine && line <= lastLine;
        }
    }

    /**
     * An END line that names no open component, such as {@code END:VTDO}: read as closing the innermost one,
     * whose component is then broken.
     */
    record Slip(int line, String why) {
    }

    private final List<String> lines;
    private final List<Block> blocks;
    private final List<Slip> slips;

    private CalendarOutline(List<String> lines, List<Block> blocks, List<Slip> slips) {
        this.lines = lines;
        this.blocks = blocks;
        this.slips = slips;
    }

    List<String> lines() {
        return lines;
    }

    /** Top-level components and the alarms of events, each alarm before the event that holds it. */
    List<Block> blocks() {
        return blocks;
    }

    List<Slip> slips() {
        return slips;
    }

    /** The top-level component that holds a block (the block itself when it is top-level). */
    Block topLevel(Block block) {
        return blocks.stream()
                .filter(candidate -> candidate.depth() == 1 && candidate.contains(block.firstLine()))
                .findFirst()
                .orElseThrow();
    }

    /** Outlines a calendar, or refuses it with the line where its structure breaks. */
    static CalendarOutline of(String text) {
        List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
        List<Block> blocks = new ArrayList<>();
        List<Slip> slips = new ArrayList<>();
        List<String> open = new ArrayList<>();
        List<Integer> openedAt = new ArrayList<>();
        boolean closed = false;
        for (int index = 0; index < lines.size(); index++) {
            int lineNo = index + 1;
            String line = lines.get(index);
            if (line.isBlank() || line.startsWith(" ") || line.startsWith("\t")) {
                continue;
            }
            String upper = line.strip().toUpperCase(Locale.ROOT);
            if (closed) {
                throw invalid(lineNo, "there is more after END:VCALENDAR");
            }
            if (open.isEmpty() && !upper.equals("BEGIN:VCALENDAR")) {
                throw invalid(lineNo, "this is not an iCalendar file: it should start with BEGIN:VCALENDAR");
            }
            if (upper.startsWith("BEGIN:")) {
                open.add(upper.substring(6).strip());
                openedAt.add(lineNo);
            } else if (upper.startsWith("END:")) {
                String name = upper.substring(4).strip();
                int top = open.size() - 1;
                String opened = open.get(top);
                if (!opened.equals(name)) {
                    String why = "END:" + name + " does not close BEGIN:" + opened + " from line " + openedAt.get(top);
                    // A component left open before its parent's END may be a download cut short, and a stray END
                    // outside every component has nothing to close: the whole file is refused, so the feed keeps
                    // its last good events.
                    if (top == 0 || open.contains(name)) {
                        throw invalid(lineNo, why);
                    }
                    // An END naming nothing open is a typo for the innermost component's END.
                    slips.add(new Slip(lineNo, why));
                }
                if (top == 1 || (top == 2 && opened.equals("VALARM") && open.get(1).equals("VEVENT"))) {
                    blocks.add(new Block(opened, openedAt.get(top), lineNo, top));
                }
                open.remove(top);
                openedAt.remove(top);
                closed = open.isEmpty();
            }
        }
        if (!closed) {
            int last = lines.size();
            throw open.isEmpty()
                    ? invalid(1, "the file is empty")
                    : invalid(last, "BEGIN:" + open.get(open.size() - 1) + " from line "
                    + openedAt.get(openedAt.size() - 1) + " is never closed");
        }
        return new CalendarOutline(lines, List.copyOf(blocks), List.copyOf(slips));
    }

    static InvalidInputException invalid(int lineNo, String why) {
        return InvalidInputException.of("calendar", "ical", "calendar line " + lineNo + ": " + why);
    }
}
