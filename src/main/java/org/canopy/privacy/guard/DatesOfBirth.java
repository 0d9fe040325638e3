package org.canopy.privacy.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds full dates that are written as someone's date of birth. A date on its own is ordinary narrative
 * (meetings, reviews, deadlines), so a date counts only when a cue says it is a birth date: it starts
 * within {@value #WINDOW} characters after "born", "DOB", "D.O.B", "date of birth", "birth date" or
 * "birthday" (in the same sentence), directly after a lower-case "b.", or it is directly followed by
 * "(DOB)" or "(date of birth)".
 */
final class DatesOfBirth {

    /** How far after a cue a date may start. */
    static final int WINDOW = 30;

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String DAY = "(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?";

    /** A full date: day, month and year, in the ways people write one. */
    static final Pattern DATE = Pattern.compile(
            // 12/03/2015, 12-03-2015, 12.03.15 (checked to be a real day and month below)
            "(?<![\\d/.-])(?<a>\\d{1,2})(?<sep>[/.-])(?<b>\\d{1,2})\\k<sep>(?:\\d{4}|\\d{2})(?!\\d)(?![/.-]\\d)"
                    // 2015-03-12
                    + "|(?<![\\d/.-])(?:19|20)\\d{2}(?<isep>[/.-])(?<im>0?[1-9]|1[0-2])\\k<isep>(?<id>\\d{1,2})(?!\\d)"
                    + "(?![/.-]\\d)"
                    // 12 March 2015, 12th Mar 2015, 12th of March 2015
                    + "|\\b" + DAY + "\\h+(?:of\\h+)?" + MONTH + ",?\\h+(?:\\d{4}\\b|'\\d{2}\\b)"
                    // March 12 2015, March 12th, 2015
                    + "|\\b" + MONTH + "\\h+" + DAY + ",?\\h+(?:\\d{4}\\b|'\\d{2}\\b)",
            Pattern.CASE_INSENSITIVE);

    // "b." is left out here: as a capital it is too often an initial ("Mr B. Jones"); see BORN_ABBREVIATION.
    private static final Pattern CUE = Pattern.compile(
            "\\b(?:date\\h+of\\h+birth|birth\\h?date|birthday|born|d\\.?o\\.?b\\b\\.?)", Pattern.CASE_INSENSITIVE);

    private static final Pattern BORN_ABBREVIATION = Pattern.compile("(?<![\\p{L}.])b\\.\\h*");

    private static final Pattern CUE_AFTER = Pattern.compile(
            "\\h*[(\\[,]?\\h*(?:d\\.?o\\.?b\\b|date\\h+of\\h+birth)", Pattern.CASE_INSENSITIVE);

    // A date in another sentence is not the one the cue speaks of.
    private static final Pattern SENTENCE_END = Pattern.compile("[;!?]|\\.\\h+\\p{Lu}|\\R");

    private static final Pattern NEXT_WORD = Pattern.compile("\\h+(\\p{Lu}\\p{L}*)");

    private static final Set<String> CALENDAR_WORDS = Set.of("jan", "january", "feb", "february", "mar",
            "march", "apr", "april", "may", "jun", "june", "jul", "july", "aug", "august", "sep", "sept",
            "september", "oct", "october", "nov", "november", "dec", "december", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday");

    private DatesOfBirth() {
    }

    /** Where the dates of birth in {@code text} are: start (inclusive) and end (exclusive) of the date, not its cue. */
    static List<int[]> find(String text) {
        List<int[]> dates = new ArrayList<>();
        Matcher date = DATE.matcher(text);
        while (date.find()) {
            if (isRealDate(date) && hasCue(text, date.start(), date.end())) {
                dates.add(new int[] {date.start(), date.end()});
            }
        }
        return dates;
    }

    private static boolean isRealDate(Matcher date) {
        if (date.group("a") != null) {
            int a = Integer.parseInt(date.group("a"));
            int b = Integer.parseInt(date.group("b"));
            // Day first is usual in England; month first is accepted too rather than let a date through.
            return a >= 1 && b >= 1 && (a <= 31 && b <= 12 || a <= 12 && b <= 31);
        }
        if (date.group("id") != null) {
            int day = Integer.parseInt(date.group("id"));
            return day >= 1 && day <= 31;
        }
        return true;
    }

    private static boolean hasCue(String text, int dateStart, int dateEnd) {
        Matcher after = CUE_AFTER.matcher(text).region(dateEnd, text.length()).useTransparentBounds(true);
        if (after.lookingAt()) {
            return true;
        }
        int from = Math.max(0, dateStart - WINDOW - "date of birth".length());
        // Transparent bounds, so that "\b" still sees the word around the region ("newborn" is no cue).
        Matcher cue = CUE.matcher(text).region(from, dateStart).useTransparentBounds(true);
        while (cue.find()) {
            if (dateStart - cue.end() <= WINDOW && !namesSomethingElse(text, cue)
                    && !SENTENCE_END.matcher(text.substring(cue.end(), dateStart)).find()) {
                return true;
            }
        }
        Matcher abbreviation = BORN_ABBREVIATION.matcher(text).region(Math.max(0, dateStart - 6), dateStart)
                .useTransparentBounds(true);
        while (abbreviation.find()) {
            if (abbreviation.end() == dateStart) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a capitalised "Born" or "Birthday" starts a title rather than a birth: it is followed by
     * another capitalised word that is not a month or weekday, as in the "Born Well Growing Well" board.
     */
    private static boolean namesSomethingElse(String text, Matcher cue) {
        String word = cue.group();
        if (!Character.isUpperCase(word.charAt(0))
                || !(word.equalsIgnoreCase("born") || word.equalsIgnoreCase("birthday"))) {
            return false;
        }
        Matcher next = NEXT_WORD.matcher(text).region(cue.end(), text.length());
        return next.lookingAt() && !CALENDAR_WORDS.contains(next.group(1).toLowerCase(Locale.ROOT));
    }
}
