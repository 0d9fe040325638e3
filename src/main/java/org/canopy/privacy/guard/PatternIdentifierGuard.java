package org.canopy.privacy.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.canopy.privacy.FoundIdentifier;
import org.canopy.privacy.IdentifierGuard;
import org.canopy.privacy.IdentifierKind;
import org.canopy.privacy.IdentifiersFound;
import org.canopy.privacy.TextProblem;
import org.springframework.stereotype.Component;

/**
 * Finds identifiers by pattern, confirmed by check digits where the identifier has them. Tuned for
 * precision: counts, years, rates and meeting dates in ordinary narrative must pass. It never logs the
 * text, and neither its findings nor its messages contain the identifier.
 *
 * <ul>
 * <li>NHS number: 10 digits, plain or grouped 3-3-4 by spaces or hyphens (the same separator twice), not
 * next to another digit, passing the Modulus 11 check.</li>
 * <li>Unique pupil number: a whole word of 13 characters, a letter, 11 digits and a digit or letter (a
 * temporary UPN), in any case, with the DfE check letter.</li>
 * <li>Postcode: a whole word that is a full UK postcode, outward and inward code, with or without the
 * space, in any case. An outward code alone ("E1") passes: it names an area, not a home.</li>
 * <li>Date of birth: a full date with a birth cue, see {@link DatesOfBirth}.</li>
 * <li>Phone number: a UK number, national (0...) or international (+44, 0044, with or without "(0)"),
 * the area code optionally in brackets, in up to four groups separated by a space, hyphen or dot, not
 * next to another digit. It must have the length Ofcom numbers have: 11 digits for mobiles (07) and for
 * 02 and 03 numbers, 10 or 11 for 01 numbers. 08 and 09 numbers are services, not families.</li>
 * <li>Email address: name@domain.tld.</li>
 * <li>Child's name: a first name from datafaker's lists next to an age, a school, a family relation, a birth or words
 * that name a child, see {@link ChildNames}.</li>
 * </ul>
 * Where two findings overlap, the one that starts first (then the longer) is kept.
 */
@Component
public class PatternIdentifierGuard implements IdentifierGuard {

    private static final Pattern NHS_NUMBER = Pattern.compile(
            "(?<!\\d)(\\d{3})([ \\u00A0-]?)(\\d{3})\\2(\\d{4})(?!\\d)");

    private static final Pattern UNIQUE_PUPIL_NUMBER = Pattern.compile(
            "(?<![\\p{Alnum}])[A-Za-z]\\d{11}[A-Za-z0-9](?![\\p{Alnum}])");

    // The outward code forms A9, A99, AA9, AA99, A9A and AA9A with the letters each position allows,
    // then the inward code 9AA, whose letters never include C, I, K, M, O or V.
    private static final Pattern POSTCODE = Pattern.compile(
            "(?<![\\p{Alnum}])(?:GIR\\h?0AA|(?:[A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
                    + "|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRV-Y])"
                    + "\\h?[0-9][ABD-HJLNP-UW-Z]{2})(?![\\p{Alnum}])",
            Pattern.CASE_INSENSITIVE);

    // The area code needs at least three digits with its 0 ("020", "07700"), so "0-19" never starts one;
    // the length check in isUkPhoneNumber does the rest.
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?<![\\w+])(?:(?:\\+|00)44\\h?(?:\\(0\\)\\h?)?[1-37]\\d{1,4}|\\(0[1-37]\\d{1,3}\\)|0[1-37]\\d{1,4})"
                    + "(?:[\\h.-]?\\d{2,8}){1,3}(?!\\d)");

    // Character classes only, no repeated group: a repeated group recurses once per repetition in
    // java.util.regex and a long run of "a.a.a." would overflow the stack. The domain is checked in code.
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("(?<![\\w.%+-])[\\w.%+-]+@[A-Za-z0-9.-]+");

    private static final Pattern EMAIL_DOMAIN = Pattern.compile("[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private static final String ADVICE = "Canopy holds no information that identifies a child or family: "
            + "remove it and describe the situation without it.";

    private final ChildNames childNames;

    /** The guard with the first names every guard in the process shares, read once; the reading starts now. */
    public PatternIdentifierGuard() {
        FirstNames.startReading();
        this.childNames = new ChildNames(FirstNames::shared);
    }

    @Override
    public List<FoundIdentifier> scan(String text) {
        return scan(text, true);
    }

    @Override
    public List<FoundIdentifier> scanChildsOwnWords(String text) {
        return scan(text, true, true);
    }

    List<FoundIdentifier> scan(String text, boolean shortcuts) {
        return scan(text, shortcuts, false);
    }

    /**
     * The scan; with {@code shortcuts}, a pattern runs only when one pass over the characters shows the text
     * could hold what it finds. Most narratives hold none of them, and an import scans a million narratives.
     */
    private List<FoundIdentifier> scan(String text, boolean shortcuts, boolean childsOwnWords) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Shape shape = shortcuts ? Shape.of(text) : Shape.ANYTHING;
        List<FoundIdentifier> found = new ArrayList<>();
        if (shape.digits() >= 10) {
            addMatches(found, IdentifierKind.NHS_NUMBER, NHS_NUMBER, text,
                    m -> CheckDigits.isNhsNumber(m.group(1) + m.group(3) + m.group(4)));
        }
        if (shape.longestDigitRun() >= 11) {
            addMatches(found, IdentifierKind.UNIQUE_PUPIL_NUMBER, UNIQUE_PUPIL_NUMBER, text,
                    m -> CheckDigits.isUniquePupilNumber(m.group().toUpperCase(Locale.ROOT)));
        }
        if (shape.letterThenDigit()) {
            addMatches(found, IdentifierKind.POSTCODE, POSTCODE, text, m -> true);
        }
        if (shape.birthCue() && shape.digits() >= 2) {
            for (int[] span : DatesOfBirth.find(text)) {
                found.add(new FoundIdentifier(IdentifierKind.DATE_OF_BIRTH, span[0], span[1]));
            }
        }
        if (shape.digits() >= 10) {
            addMatches(found, IdentifierKind.PHONE_NUMBER, PHONE_NUMBER, text, m -> isUkPhoneNumber(m.group()));
        }
        if (shape.at()) {
            findEmailAddresses(found, text);
        }
        childNames.find(text, childsOwnWords, found);
        return withoutOverlaps(found);
    }

    /**
     * What every identifier needs, counted in one pass: NHS and phone numbers have 10 digits or more (ASCII
     * digits: {@code \d} means no other), a UPN a run of 11, an email address an "@", a postcode's outward
     * code a letter directly followed by a digit (or is GIR), and a date of birth a cue, every one of which
     * holds "born", "birth", "b." or "dob" with or without dots. Each test may say yes wrongly, never no.
     */
    record Shape(int digits, int longestDigitRun, boolean at, boolean letterThenDigit, boolean birthCue) {

        static final Shape ANYTHING = new Shape(Integer.MAX_VALUE, Integer.MAX_VALUE, true, true, true);

        private static final String[] CUES_FROM_B = {"born", "birth", "b."};
        private static final String[] CUES_TO_B = {"dob", "d.ob", "do.b", "d.o.b"};

        static Shape of(String text) {
            int digits = 0;
            int run = 0;
            int longest = 0;
            boolean at = false;
            boolean letterThenDigit = false;
            boolean cue = false;
            char previous = ' ';
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    digits++;
                    longest = Math.max(longest, ++run);
                    letterThenDigit |= Character.isLetter(previous);
                } else {
                    run = 0;
                    at |= c == '@';
                    if (!cue && (c == 'b' || c == 'B')) {
                        cue = cueAt(text, i);
                    }
                    if (c == 'g' || c == 'G') {
                        letterThenDigit |= text.regionMatches(true, i, "gir", 0, 3);
                    }
                }
                previous = c;
            }
            return new Shape(digits, longest, at, letterThenDigit, cue);
        }

        private static boolean cueAt(String text, int b) {
            for (String cue : CUES_FROM_B) {
                if (text.regionMatches(true, b, cue, 0, cue.length())) {
                    return true;
                }
            }
            for (String cue : CUES_TO_B) {
                int from = b - cue.length() + 1;
                if (from >= 0 && text.regionMatches(true, from, cue, 0, cue.length())) {
                    return true;
                }
            }
            return false;
        }
    }

    @Override
    public void check(String field, String label, String text) {
        List<FoundIdentifier> found = scan(text);
        if (found.isEmpty()) {
            return;
        }
        String subject = subject(label);
        List<TextProblem> problems = new ArrayList<>(found.size());
        for (FoundIdentifier identifier : found) {
            // Positions are counted from 1 for people: characters start + 1 to end, both included. A child's name
            // says why and what to write instead.
            problems.add(new TextProblem(field, identifier.kind() == IdentifierKind.CHILD_NAME ? identifier.problem(subject) + "."
                    : identifier.problem(subject) + ". " + ADVICE));
        }
        throw new IdentifiersFound(problems);
    }

    private static String subject(String label) {
        if (label == null || label.isBlank()) {
            return "The text";
        }
        String trimmed = label.strip();
        return Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1);
    }

    private static void addMatches(List<FoundIdentifier> found, IdentifierKind kind, Pattern pattern, String text,
            Predicate<Matcher> confirmed) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (confirmed.test(matcher)) {
                found.add(new FoundIdentifier(kind, matcher.start(), matcher.end()));
            }
        }
    }

    private static void findEmailAddresses(List<FoundIdentifier> found, String text) {
        Matcher matcher = EMAIL_ADDRESS.matcher(text);
        while (matcher.find()) {
            String candidate = matcher.group();
            int at = candidate.indexOf('@');
            // A sentence's full stop (or a stray hyphen) after the address is not part of its domain.
            int end = candidate.length();
            while (end > at + 1 && (candidate.charAt(end - 1) == '.' || candidate.charAt(end - 1) == '-')) {
                end--;
            }
            String domain = candidate.substring(at + 1, end);
            if (domain.length() <= 253 && !domain.contains("..") && EMAIL_DOMAIN.matcher(domain).matches()) {
                found.add(new FoundIdentifier(IdentifierKind.EMAIL_ADDRESS, matcher.start(), matcher.start() + end));
            }
        }
    }

    /** Whether a candidate has the digits of a UK geographic, non-geographic (03) or mobile number. */
    static boolean isUkPhoneNumber(String candidate) {
        String digits = candidate.replaceAll("\\D", "");
        String national;
        if (candidate.startsWith("+44") || candidate.startsWith("0044")) {
            String afterCountry = digits.substring(candidate.startsWith("+") ? 2 : 4);
            // "+44 (0)20 ..." keeps its 0; "+44 20 ..." gets the 0 a national number starts with.
            national = afterCountry.startsWith("0") ? afterCountry : "0" + afterCountry;
        } else {
            national = digits;
        }
        if (national.startsWith("07") || national.startsWith("02") || national.startsWith("03")) {
            return national.length() == 11;
        }
        return national.startsWith("01") && (national.length() == 10 || national.length() == 11);
    }

    private static List<FoundIdentifier> withoutOverlaps(List<FoundIdentifier> found) {
        found.sort(Comparator.comparingInt(FoundIdentifier::start)
                .thenComparing(Comparator.comparingInt(FoundIdentifier::length).reversed())
                .thenComparing(FoundIdentifier::kind));
        List<FoundIdentifier> kept = new ArrayList<>(found.size());
        for (FoundIdentifier candidate : found) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).overlaps(candidate)) {
                kept.add(candidate);
            }
        }
        return List.copyOf(kept);
    }
}
