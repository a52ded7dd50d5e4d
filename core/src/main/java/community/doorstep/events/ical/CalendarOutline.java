package community.doorstep.events.ical;

import community.doorstep.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shape of a calendar text before ical4j reads it: its physical lines and where each top-level component
 * begins and ends. It lets a broken component be cut out by itself, and names the line of a structural error
 * (a file that is no calendar, a component never closed) in words a coordinator can act on.
 */
final class CalendarOutline {

    /** A component directly inside VCALENDAR, by 1-based physical line numbers, both inclusive. */
    record Block(String name, int firstLine, int lastLine) {
        boolean contains(int line) {
            return line >= firstLine && line <= lastLine;
        }
    }

    private final List<String> lines;
    private final List<Block> blocks;

    private CalendarOutline(List<String> lines, List<Block> blocks) {
        this.lines = lines;
        this.blocks = blocks;
    }

    List<String> lines() {
        return lines;
    }

    List<Block> blocks() {
        return blocks;
    }

    /** Outlines a calendar, or refuses it with the line where its structure breaks. */
    static CalendarOutline of(String text) {
        List<String> lines = List.of(text.split("\r\n|\r|\n", -1));
        List<Block> blocks = new ArrayList<>();
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
                if (!open.get(top).equals(name)) {
                    throw invalid(lineNo, "END:" + name + " does not close BEGIN:" + open.get(top)
                            + " from line " + openedAt.get(top));
                }
                if (top == 1) {
                    blocks.add(new Block(name, openedAt.get(top), lineNo));
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
        return new CalendarOutline(lines, List.copyOf(blocks));
    }

    static InvalidInputException invalid(int lineNo, String why) {
        return InvalidInputException.of("calendar", "ical", "calendar line " + lineNo + ": " + why);
    }
}
